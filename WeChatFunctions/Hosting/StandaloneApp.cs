using WeChatFunctions.Dashboard;
using WeChatFunctions.Functions;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Hosting;

/// <summary>
/// The app without the Functions host: plain ASP.NET Core serving WeChat at the address <c>func start</c> would use,
/// http://localhost:7071/api/wechat, with the cleanup on an in-process timer instead of the timer trigger. It reads
/// the <c>Values</c> of local.settings.json from the working directory, as Core Tools would pass them.
/// </summary>
internal static class StandaloneApp
{
    private const string DefaultUrl = "http://localhost:7071";

    /// <summary>The server URL of the project this one grew from, kept so that moving over needs no change in WeChat's console.</summary>
    public const string LegacyWeChatPath = "/wechat";

    /// <summary>
    /// Where ASP.NET Core would listen without the default: <c>--urls</c> or <c>ASPNETCORE_URLS</c>, or the ports the
    /// official container images set (<c>ASPNETCORE_HTTP_PORTS=8080</c>, on all interfaces).
    /// </summary>
    private static readonly string[] AddressSettings = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddLocalSettingsFile(Directory.GetCurrentDirectory()).AddEnvironmentVariables();
        if (AddressSettings.All(setting => string.IsNullOrEmpty(builder.Configuration[setting])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.AddAssistant();
        builder.Services.AddHostedService<StandaloneCleanupTimer>();

        await using var app = builder.Build();
        foreach (var path in (string[])[WeChatFunction.Path, LegacyWeChatPath])
        {
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], (HttpContext context, WeChatEndpoint endpoint) => endpoint.HandleAsync(context));
        }

        app.MapGet(DashboardFunction.Path + "/{**asset}", (HttpContext context, DashboardEndpoint endpoint) => endpoint.HandleAsync(context));
        await app.RunAsync();
    }
}
