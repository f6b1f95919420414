using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class TranscriptionAttributesValidator : IValidateOptions<TranscriptionOptions>;

/// <summary>
/// Each provider needs its own settings, and every provider needs the account's credentials, since the voice is
/// downloaded with the access token; without them every voice would fail, and only when a follower speaks.
/// </summary>
internal sealed class TranscriptionOptionsValidator(IOptions<SpeechOptions> speech, IOptions<CustomerServiceOptions> account) : IValidateOptions<TranscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptionOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Success;
        }

        if (!account.Value.HasCredentials)
        {
            return ValidateOptionsResult.Fail(
                $"Setting 'transcription_provider' is {options.Provider}, but 'wechat_app_id' and 'wechat_app_secret' are not both set: the voice is downloaded with the account's access token.");
        }

        if (options.Provider == TranscriptionOptions.AzureSpeech && speech.Value.Endpoint is null)
        {
            return ValidateOptionsResult.Fail("Setting 'transcription_provider' is azure_speech, but 'speech_endpoint' is not set.");
        }

        if (options.Provider == TranscriptionOptions.OpenAI && !string.IsNullOrWhiteSpace(options.FfmpegPath) && !File.Exists(options.FfmpegPath))
        {
            return ValidateOptionsResult.Fail($"Setting 'ffmpeg_path' names '{options.FfmpegPath}', which does not exist.");
        }

        if (options.Provider == TranscriptionOptions.OpenAI && string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            return ValidateOptionsResult.Fail(
                "Setting 'transcription_provider' is openai, which needs ffmpeg to turn WeChat's AMR and Speex voices into WAV, but no ffmpeg is on PATH: install it (the container image has it) or set 'ffmpeg_path'.");
        }

        return ValidateOptionsResult.Success;
    }
}
