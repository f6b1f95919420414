using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Answers spoken back as a WeChat voice: which answers, and the text-to-speech service that speaks them.</summary>
public sealed class VoiceReplyOptions
{
    public const string Off = "off";

    public const string VoiceQuestions = "voice_questions";

    public const string Always = "always";

    /// <summary><c>/audio/speech</c> on <c>chat_gpt_endpoint</c>, with the model's key.</summary>
    public const string OpenAI = "openai";

    /// <summary>Azure AI Speech at <c>speech_endpoint</c>, with <c>speech_key</c> or Entra ID.</summary>
    public const string AzureSpeech = "azure_speech";

    public const string DefaultModel = "gpt-4o-mini-tts";

    /// <summary>A voice every OpenAI speech model has, tts-1 included; it speaks Chinese as well as English.</summary>
    public const string DefaultOpenAIVoice = "alloy";

    public const string DefaultAzureVoice = "zh-CN-XiaoxiaoNeural";

    /// <summary><c>off</c>, <c>voice_questions</c> (spoken questions get spoken answers) or <c>always</c>.</summary>
    [ConfigurationKeyName("voice_reply")]
    [RegularExpression("^(off|voice_questions|always)$", ErrorMessage = "Setting 'voice_reply' must be off, voice_questions or always.")]
    public string Mode { get; set; } = Off;

    [ConfigurationKeyName("tts_provider")]
    [RegularExpression("^(openai|azure_speech)$", ErrorMessage = "Setting 'tts_provider' must be openai or azure_speech.")]
    public string Provider { get; set; } = OpenAI;

    /// <summary>The OpenAI speech model, or the Azure OpenAI deployment, for <see cref="OpenAI"/>.</summary>
    [ConfigurationKeyName("tts_model")]
    public string Model { get; set; } = DefaultModel;

    /// <summary>The voice; empty means <see cref="DefaultOpenAIVoice"/> or <see cref="DefaultAzureVoice"/>.</summary>
    [ConfigurationKeyName("tts_voice")]
    public string? Voice { get; set; }

    /// <summary>How long speaking an answer and uploading the voice may take before the answer goes as text instead.</summary>
    [ConfigurationKeyName("tts_timeout_seconds")]
    [Range(1, 30, ErrorMessage = "Setting 'tts_timeout_seconds' must be between 1 and 30.")]
    public int TimeoutSeconds { get; set; } = 8;

    public bool IsEnabled => Mode != Off;

    /// <summary>Fills in what was left empty, as the Functions host passes empty settings, and lower-cases the choices.</summary>
    public void ApplyDefaults()
    {
        Mode = string.IsNullOrWhiteSpace(Mode) ? Off : Mode.Trim().ToLowerInvariant();
        Provider = string.IsNullOrWhiteSpace(Provider) ? OpenAI : Provider.Trim().ToLowerInvariant();
        Model = string.IsNullOrWhiteSpace(Model) ? DefaultModel : Model.Trim();
        Voice = string.IsNullOrWhiteSpace(Voice) ? (Provider == AzureSpeech ? DefaultAzureVoice : DefaultOpenAIVoice) : Voice.Trim();
    }

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
