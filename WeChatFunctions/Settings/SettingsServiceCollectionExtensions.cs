using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

internal static class SettingsServiceCollectionExtensions
{
    /// <summary>Binds every options class from the flat, seed-compatible setting names and validates them at start-up.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatEncryptionValidator>();

        services.AddOptions<ModelOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.Model = string.IsNullOrWhiteSpace(options.Model) ? ModelOptions.DefaultModel : options.Model;
                options.VisionModel = string.IsNullOrWhiteSpace(options.VisionModel) ? options.Model : options.VisionModel;
            });
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelCredentialValidator>();

        // A setting left empty in local.settings.json means "use the default", as it does for the Functions host.
        services.AddOptions<ConversationOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.SystemPrompt = string.IsNullOrWhiteSpace(options.SystemPrompt) ? ConversationOptions.DefaultSystemPrompt : options.SystemPrompt;
                options.WelcomeMessage = string.IsNullOrWhiteSpace(options.WelcomeMessage) ? ConversationOptions.DefaultWelcomeMessage : options.WelcomeMessage;
            });
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();

        services.AddOptions<ReplyWindowOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options => options.ContinueKeyword = string.IsNullOrWhiteSpace(options.ContinueKeyword) ? ReplyWindowOptions.DefaultContinueKeyword : options.ContinueKeyword.Trim());
        services.AddSingleton<IValidateOptions<ReplyWindowOptions>, ReplyWindowOptionsValidator>();

        services.AddOptions<ToolOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options => options.Tools = string.IsNullOrWhiteSpace(options.Tools) ? ToolOptions.DefaultTools : options.Tools);
        services.AddSingleton<IValidateOptions<ToolOptions>, ToolOptionsValidator>();

        services.AddOptions<McpOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<McpOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<McpOptions>>(provider => provider.GetRequiredService<McpOptionsSetup>());
        services.AddSingleton<IValidateOptions<McpOptions>>(provider => provider.GetRequiredService<McpOptionsSetup>());
        services.AddSingleton<IValidateOptions<McpOptions>, McpOptionsValidator>();

        services.AddOptions<MemoryOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoryOptions>, MemoryOptionsValidator>();

        services.AddOptions<WebSearchOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.Provider = string.IsNullOrWhiteSpace(options.Provider) ? null : options.Provider.Trim().ToLowerInvariant();
                options.Endpoint = options.Endpoint is { OriginalString: var endpoint } && !string.IsNullOrWhiteSpace(endpoint)
                    ? options.Endpoint
                    : WebSearchOptions.DefaultEndpoint(options.Provider);
            });
        services.AddSingleton<IValidateOptions<WebSearchOptions>, WebSearchAttributesValidator>();
        services.AddSingleton<IValidateOptions<WebSearchOptions>, WebSearchOptionsValidator>();

        services.AddOptions<VoiceReplyOptions>().BindConfiguration("").ValidateOnStart().PostConfigure(options => options.ApplyDefaults());
        services.AddSingleton<IValidateOptions<VoiceReplyOptions>, VoiceReplyAttributesValidator>();
        services.AddSingleton<IValidateOptions<VoiceReplyOptions>, VoiceReplyOptionsValidator>();

        services.AddOptions<QuotaOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuotaOptions>, QuotaOptionsValidator>();
        services.AddSingleton<IValidateOptions<QuotaOptions>, QuotaTimeZoneValidator>();
        services.AddSingleton<IValidateOptions<QuotaOptions>, TokenBudgetValidator>();

        services.AddOptions<PriceOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options => options.Currency = string.IsNullOrWhiteSpace(options.Currency) ? "USD" : options.Currency.Trim());
        services.AddSingleton<IValidateOptions<PriceOptions>, PriceOptionsValidator>();

        services.AddOptions<ImageGenerationOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.Mode = string.IsNullOrWhiteSpace(options.Mode) ? ImageGenerationOptions.Off : options.Mode.Trim();
                options.Model = string.IsNullOrWhiteSpace(options.Model) ? ImageGenerationOptions.DefaultModel : options.Model.Trim();
                options.Size = string.IsNullOrWhiteSpace(options.Size) ? ImageGenerationOptions.DefaultSize : options.Size.Trim();
            });
        services.AddSingleton<IValidateOptions<ImageGenerationOptions>, ImageGenerationAttributesValidator>();
        services.AddSingleton<IValidateOptions<ImageGenerationOptions>, ImageGenerationOptionsValidator>();

        services.AddOptions<ModerationOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>();
        services.AddSingleton<IValidateOptions<ModerationOptions>, ModerationSourceValidator>();

        services.AddOptions<SpeechOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options => options.Locales = string.IsNullOrWhiteSpace(options.Locales) ? SpeechOptions.DefaultLocales : options.Locales);
        services.AddSingleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>();

        services.AddOptions<TranscriptionOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.Provider = string.IsNullOrWhiteSpace(options.Provider) ? TranscriptionOptions.Off : options.Provider.Trim().ToLowerInvariant();
                options.Model = string.IsNullOrWhiteSpace(options.Model) ? TranscriptionOptions.DefaultModel : options.Model.Trim();
                options.FfmpegPath = string.IsNullOrWhiteSpace(options.FfmpegPath) ? ExecutableSearch.OnPath("ffmpeg") : options.FfmpegPath.Trim();
            });
        services.AddSingleton<IValidateOptions<TranscriptionOptions>, TranscriptionAttributesValidator>();
        services.AddSingleton<IValidateOptions<TranscriptionOptions>, TranscriptionOptionsValidator>();

        services.AddOptions<CleanupOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<CleanupOptions>, CleanupOptionsValidator>();

        services.AddOptions<CustomerServiceOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.ReplyMode = string.IsNullOrWhiteSpace(options.ReplyMode) ? CustomerServiceOptions.Passive : options.ReplyMode.Trim();
                options.ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? CustomerServiceOptions.DefaultApiBase : options.ApiBase.Trim();
            });
        services.AddSingleton<IValidateOptions<CustomerServiceOptions>, CustomerServiceAttributesValidator>();
        services.AddSingleton<IValidateOptions<CustomerServiceOptions>, CustomerServiceOptionsValidator>();

        services.AddOptions<KnowledgeOptions>().BindConfiguration("").ValidateOnStart()
            .PostConfigure(options =>
            {
                options.Mode = string.IsNullOrWhiteSpace(options.Mode) ? KnowledgeOptions.Off : options.Mode.Trim();
                options.EmbeddingModel = string.IsNullOrWhiteSpace(options.EmbeddingModel) ? KnowledgeOptions.DefaultEmbeddingModel : options.EmbeddingModel.Trim();
                options.SearchIndex = string.IsNullOrWhiteSpace(options.SearchIndex) ? KnowledgeOptions.DefaultSearchIndex : options.SearchIndex.Trim();
            });
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeAttributesValidator>();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();

        services.AddOptions<DashboardOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardAttributesValidator>();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();

        services.AddOptions<FetchOptions>().BindConfiguration("");
        services.AddOptions<AdminOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();

        services.AddOptions<EndpointSecurityOptions>().BindConfiguration("");
        services.AddSingleton<SecureEndpointValidator>();
        services.AddSingleton<IValidateOptions<ModelOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<ModerationOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<KnowledgeOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<CustomerServiceOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<DashboardOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<McpOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<WebSearchOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());
        services.AddSingleton<IValidateOptions<SpeechOptions>>(provider => provider.GetRequiredService<SecureEndpointValidator>());

        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddSingleton<StorageOptionsSetup>();
        services.AddSingleton<IConfigureOptions<StorageOptions>>(provider => provider.GetRequiredService<StorageOptionsSetup>());
        services.AddSingleton<IValidateOptions<StorageOptions>>(provider => provider.GetRequiredService<StorageOptionsSetup>());

        return services;
    }
}
