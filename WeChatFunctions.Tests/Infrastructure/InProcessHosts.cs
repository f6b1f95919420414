using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// WebApplicationFactory finds a minimal-API app's host through a process-wide diagnostic listener, so while one factory
/// starts, any other WebApplication being built in the test process (another factory, the fake model server) can be
/// taken for it. Test classes run in parallel; every in-process host builds and starts under this lock.
/// </summary>
internal static class InProcessHosts
{
    public static readonly Lock StartLock = new();

    /// <summary>Builds and starts a small stand-in server (the fake model, the image CDN) on a free loopback port.</summary>
    /// <param name="map">Maps the server's routes.</param>
    /// <returns>The started app and its address.</returns>
    /// <param name="certificate">Serves HTTPS with it, for clients that take only https URLs; plain HTTP when null.</param>
    /// <param name="addServices">Registers the services the routes need, such as an MCP server's.</param>
    /// <param name="port">A port chosen beforehand, for a server that comes up after its client; 0 for any free one.</param>
    public static (WebApplication App, Uri BaseAddress) StartOnLoopback(
        Action<WebApplication> map, X509Certificate2? certificate = null, Action<IServiceCollection>? addServices = null, int port = 0)
    {
        WebApplication app;
        lock (StartLock)
        {
            var builder = WebApplication.CreateSlimBuilder();
            if (certificate is null)
            {
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            }
            else
            {
                builder.WebHost.UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
            }

            builder.Logging.ClearProviders();
            addServices?.Invoke(builder.Services);
            app = builder.Build();
            map(app);
            app.StartAsync().GetAwaiter().GetResult();
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return (app, new Uri(address));
    }
}
