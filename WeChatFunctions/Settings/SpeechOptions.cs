using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The Azure AI Speech resource that transcription and spoken answers share, when either uses it.</summary>
public sealed class SpeechOptions
{
    public const string DefaultLocales = "zh-CN";

    /// <summary>The resource's endpoint, such as <c>https://{name}.cognitiveservices.azure.com/</c> (its custom domain, which Entra ID needs).</summary>
    [ConfigurationKeyName("speech_endpoint")]
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's key, sent as <c>Ocp-Apim-Subscription-Key</c>; empty means Microsoft Entra ID (the app's managed identity).</summary>
    [ConfigurationKeyName("speech_key")]
    public string? Key { get; set; }

    /// <summary>The languages followers speak, comma-separated, such as <c>zh-CN,en-US</c>; the first is the main one.</summary>
    [ConfigurationKeyName("speech_locales")]
    public string? Locales { get; set; } = DefaultLocales;

    public IReadOnlyList<string> LocaleList =>
        (Locales ?? "").Split([',', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
