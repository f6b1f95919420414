namespace WeChatFunctions.Functions;

/// <summary>
/// Where the server listens. Under the Functions host it must take the port the host chose; standalone it serves
/// WeChat at the same address <c>func start</c> would, http://localhost:7071/api/wechat.
/// See https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers
/// </summary>
internal static class CustomHandlerHosting
{
    private const string HostPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";
    private const string StandaloneUrl = "http://localhost:7071";

    public static bool IsUnderFunctionsHost(this IConfiguration configuration) => !string.IsNullOrEmpty(configuration[HostPortSetting]);

    public static void ListenWhereTheHostExpects(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        if (configuration.IsUnderFunctionsHost())
        {
            webHost.UseUrls($"http://localhost:{configuration[HostPortSetting]}");
        }
        else if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            webHost.UseUrls(StandaloneUrl);
        }
    }

    /// <summary>The host pings <c>/</c> until it gets any response before it sends the first invocation.</summary>
    public static IEndpointRouteBuilder MapHostPing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/", () => Results.Text("WeChatFunctions is running.", "text/plain"));
        return endpoints;
    }
}
