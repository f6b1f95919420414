using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

internal static class SettingsServiceCollectionExtensions
{
    /// <summary>Binds every options class from the flat, seed-compatible setting names and validates them at start-up.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();

        services.AddOptions<ModelOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelCredentialValidator>();

        services.AddOptions<ConversationOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();

        services.AddOptions<AdminOptions>().BindConfiguration("");

        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddSingleton<StorageOptionsSetup>();
        services.AddSingleton<IConfigureOptions<StorageOptions>>(provider => provider.GetRequiredService<StorageOptionsSetup>());
        services.AddSingleton<IValidateOptions<StorageOptions>>(provider => provider.GetRequiredService<StorageOptionsSetup>());

        return services;
    }
}
