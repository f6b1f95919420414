namespace WeChatFunctions.WeChatApi;

internal static class WeChatApiServiceCollectionExtensions
{
    /// <summary>The WeChat API's clients log no requests: their URLs carry the access token.</summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<WeChatApiHealth>();
        services.AddHttpClient<StableTokenSource>(ConfigureClient).RemoveAllLoggers();
        services.AddHttpClient<WeChatApiClient>(ConfigureClient).RemoveAllLoggers();
        // A picture of a few megabytes may take a while to reach WeChat's servers.
        services.AddHttpClient<WeChatMedia>(client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        return services;
    }

    /// <summary>WeChat answers in milliseconds; a send that hangs longer is tried again later.</summary>
    private static void ConfigureClient(HttpClient client) => client.Timeout = TimeSpan.FromSeconds(10);
}
