using WeChatFunctions.Redaction;

namespace WeChatFunctions.Admin;

internal static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdminCommands(this IServiceCollection services)
    {
        services.AddSingleton<AdminTokens>();
        services.AddSingleton<ISecretSource, AdminSecrets>();
        services.AddSingleton<AdminGate>();
        services.AddSingleton<AdminConfigView>();
        services.AddSingleton<FollowerView>();
        services.AddSingleton<AdminAuditLog>();
        services.AddSingleton<AdminCommandRunner>();
        return services;
    }
}
