using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Whether and how the app transcribes a voice that WeChat sent without its own recognition.</summary>
public sealed class TranscriptionOptions
{
    public const string Off = "off";

    /// <summary>Azure AI Speech's fast transcription, which takes WeChat's AMR and Speex as they come.</summary>
    public const string AzureSpeech = "azure_speech";

    /// <summary><c>/audio/transcriptions</c> beside the chat API, after ffmpeg has made the voice a WAV.</summary>
    public const string OpenAI = "openai";

    public const string DefaultModel = "gpt-4o-mini-transcribe";

    /// <summary><c>off</c> (the default: a voice without WeChat's recognition gets the text saying how to turn it on), <c>azure_speech</c> or <c>openai</c>.</summary>
    [ConfigurationKeyName("transcription_provider")]
    [RegularExpression("^(azure_speech|openai|off)?$", ErrorMessage = "Setting 'transcription_provider' must be azure_speech, openai or off.")]
    public string? Provider { get; set; } = Off;

    /// <summary>The model (Azure OpenAI: the deployment) of the <c>openai</c> provider.</summary>
    [ConfigurationKeyName("transcription_model")]
    public string? Model { get; set; } = DefaultModel;

    /// <summary>Whether the answer to a voice the app transcribed starts with 「（听到：…）」, so the follower sees what was heard.</summary>
    [ConfigurationKeyName("show_transcript")]
    public bool ShowTranscript { get; set; } = true;

    /// <summary>The ffmpeg the <c>openai</c> provider converts voices with; empty means the one on PATH.</summary>
    [ConfigurationKeyName("ffmpeg_path")]
    public string? FfmpegPath { get; set; }

    public bool IsOn => Provider is AzureSpeech or OpenAI;
}
