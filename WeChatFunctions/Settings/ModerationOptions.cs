using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Whether and how followers' questions and the model's answers are checked before anything is sent.</summary>
public sealed class ModerationOptions
{
    public const string Off = "off";
    public const string Keywords = "keywords";
    public const string OpenAI = "openai";
    public const string Azure = "azure";

    /// <summary><c>off</c>, <c>keywords</c>, <c>openai</c> (the moderation endpoint of chat_gpt_endpoint) or <c>azure</c> (Azure AI Content Safety).</summary>
    [ConfigurationKeyName("moderation")]
    [RegularExpression("^(?i)(off|keywords|openai|azure)?$", ErrorMessage = "Setting 'moderation' must be off, keywords, openai or azure.")]
    public string Mode { get; set; } = Off;

    /// <summary>Banned words and phrases, separated by new lines, commas (, ，、) or semicolons.</summary>
    [ConfigurationKeyName("banned_words")]
    public string? BannedWords { get; set; }

    /// <summary>A UTF-8 file with one banned word or phrase per line, added to <see cref="BannedWords"/>.</summary>
    [ConfigurationKeyName("banned_words_file")]
    public string? BannedWordsFile { get; set; }

    [ConfigurationKeyName("moderation_model")]
    public string OpenAIModel { get; set; } = "omni-moderation-latest";

    /// <summary>The Content Safety resource, such as <c>https://{name}.cognitiveservices.azure.com/</c>.</summary>
    [ConfigurationKeyName("azure_content_safety_endpoint")]
    public Uri? AzureEndpoint { get; set; }

    /// <summary>The resource's key; empty means Microsoft Entra ID (the app's managed identity).</summary>
    [ConfigurationKeyName("azure_content_safety_key")]
    public string? AzureKey { get; set; }

    /// <summary>Content at this severity or above in any category (hate, sexual, violence, self-harm: 0, 2, 4, 6) is blocked.</summary>
    [ConfigurationKeyName("azure_content_safety_severity")]
    [Range(1, 7, ErrorMessage = "Setting 'azure_content_safety_severity' must be between 1 and 7.")]
    public int AzureSeverity { get; set; } = 4;

    public bool IsOn => !string.IsNullOrWhiteSpace(Mode) && !Mode.Equals(Off, StringComparison.OrdinalIgnoreCase);

    public bool Uses(string mode) => mode.Equals(Mode, StringComparison.OrdinalIgnoreCase);
}
