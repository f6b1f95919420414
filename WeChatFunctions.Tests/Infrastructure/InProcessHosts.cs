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
    public static (WebApplication App, Uri BaseAddress) StartOnLoopback(Action<WebApplication> map)
    {
        WebApplication app;
        lock (StartLock)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            app = builder.Build();
            map(app);
            app.StartAsync().GetAwaiter().GetResult();
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address));
    }
}
