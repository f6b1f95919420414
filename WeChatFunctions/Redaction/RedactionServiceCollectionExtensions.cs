namespace WeChatFunctions.Redaction;

internal static class RedactionServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TextRedaction"/>; the secrets come from whichever feature registers <see cref="ISecretSource"/>.</summary>
    public static IServiceCollection AddRedaction(this IServiceCollection services) => services.AddSingleton<TextRedaction>();
}
