using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Fetching;

/// <summary>
/// The HTTP handler for every fetch of a URL that came from outside. It connects only to public addresses, checked
/// after DNS resolution so that a name pointing inward is caught too, and never follows a redirect, which could lead
/// anywhere.
/// </summary>
internal static class FetchGuard
{
    public static IHttpClientBuilder UseFetchGuard(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var allowPrivate = provider.GetRequiredService<IOptions<FetchOptions>>().Value.AllowPrivateNetworkFetch;
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellationToken),
            };
        });

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = addresses.Where(address => allowPrivate || !PrivateAddresses.Contains(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new PrivateAddressRefusedException(endPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
