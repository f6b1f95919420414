using System.Net;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// Who a request came from, for the dashboard's lockout. Any client can write X-Forwarded-For, so it counts only as
/// far back as it was written by <c>trusted_proxies</c>: from the right, each entry that a trusted proxy added names
/// the next address. Under the Functions host the peer is the platform's own <see cref="ClientAddressSource.Header"/>.
/// </summary>
internal sealed class ClientAddresses(ClientAddressSource source, IOptions<DashboardOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _trustedProxies = AddressRanges.Parse(options.Value.TrustedProxies, out _) ?? [];

    public string Of(HttpContext context)
    {
        var headers = context.Request.Headers;
        var peer = source.Header is { } header && TryParse(headers[header].ToString(), out var fromPlatform) ? fromPlatform : context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return "unknown";
        }

        var forwarded = string.Join(',', headers["X-Forwarded-For"].ToArray()).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var hop = forwarded.Length - 1; hop >= 0 && IsTrusted(peer) && TryParse(forwarded[hop], out var previous); hop--)
        {
            peer = previous;
        }

        return Plain(peer).ToString();
    }

    private bool IsTrusted(IPAddress address) => _trustedProxies.Any(range => range.Contains(Plain(address)));

    /// <summary>An address as written in these headers: bare, or with a port (<c>203.0.113.7:50123</c>, <c>[2001:db8::1]:443</c>).</summary>
    private static bool TryParse(string value, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPEndPoint.TryParse(value.Trim(), out var endPoint))
        {
            return false;
        }

        address = endPoint.Address;
        return true;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
