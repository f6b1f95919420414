namespace WeChatFunctions.Functions;

internal static class FunctionsServiceCollectionExtensions
{
    /// <summary>What the function endpoints need beyond the protocol and the conversations.</summary>
    public static IServiceCollection AddFunctionEndpoints(this IServiceCollection services) =>
        services.AddSingleton<ReplayGuard>().AddSingleton<WeChatEndpoint>();
}
