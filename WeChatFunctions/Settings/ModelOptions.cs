using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Where the OpenAI-compatible chat API lives and how to reach it.</summary>
public sealed class ModelOptions
{
    public const string DefaultModel = "gpt-4o-mini";

    [ConfigurationKeyName("chat_gpt_token")]
    public string? ApiKey { get; set; }

    /// <summary>Authenticate with Microsoft Entra ID (managed identity, az login) instead of a key, as Azure OpenAI allows.</summary>
    [ConfigurationKeyName("chat_gpt_use_azure_identity")]
    public bool UseAzureIdentity { get; set; }

    [ConfigurationKeyName("chat_gpt_endpoint")]
    [Required(ErrorMessage = "Setting 'chat_gpt_endpoint' must not be empty.")]
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    [ConfigurationKeyName("chat_gpt_model")]
    public string Model { get; set; } = DefaultModel;

    /// <summary>The model for questions about an image; empty means <see cref="Model"/>, which must then see images.</summary>
    [ConfigurationKeyName("chat_gpt_vision_model")]
    public string? VisionModel { get; set; }

    /// <summary>The models a follower may pick with <c>/model</c>, comma-separated; empty means only <see cref="Model"/>.</summary>
    [ConfigurationKeyName("allowed_models")]
    public string? AllowedModels { get; set; }

    public IReadOnlyList<string> AllowedModelList =>
        CommaSeparated.Parse(AllowedModels) is { Count: > 0 } models ? [.. models.Order(StringComparer.Ordinal)] : [Model];

    /// <summary>
    /// Entra ID instead of a key: when asked for, or when there is no key and the endpoint is Azure OpenAI's, which is
    /// how the Bicep in infra/ deploys it, with the app's managed identity.
    /// </summary>
    public bool UsesAzureIdentity => string.IsNullOrWhiteSpace(ApiKey) && (UseAzureIdentity || IsAzureOpenAIEndpoint);

    private bool IsAzureOpenAIEndpoint =>
        Endpoint is { IsAbsoluteUri: true, Host: var host }
        && (host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase));

    [ConfigurationKeyName("http_proxy")]
    public Uri? HttpProxy { get; set; }

    [ConfigurationKeyName("chat_gpt_timeout_seconds")]
    [Range(1, 600, ErrorMessage = "Setting 'chat_gpt_timeout_seconds' must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Caps each completion, so that no single answer runs up the bill.</summary>
    [ConfigurationKeyName("max_answer_tokens")]
    [Range(16, 128_000, ErrorMessage = "Setting 'max_answer_tokens' must be between 16 and 128000.")]
    public int MaxAnswerTokens { get; set; } = 1024;

    [ConfigurationKeyName("chat_gpt_max_retries")]
    [Range(0, 10, ErrorMessage = "Setting 'chat_gpt_max_retries' must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;
}
