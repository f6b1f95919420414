using Microsoft.Extensions.Options;
using OpenAI.Audio;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// The <c>openai</c> provider: <c>/audio/transcriptions</c> beside the chat API, with its credentials and the model
/// <c>transcription_model</c>. It takes no AMR or Speex, so ffmpeg makes a WAV of the voice first.
/// See https://platform.openai.com/docs/api-reference/audio/createTranscription
/// </summary>
internal sealed class OpenAITranscriber(AudioClient client, FfmpegConverter converter, IOptions<SpeechOptions> speech) : ISpeechTranscriber
{
    public async Task<string> TranscribeAsync(SpokenAudio audio, CancellationToken cancellationToken)
    {
        using var wav = new MemoryStream(await converter.ToWavAsync(audio, cancellationToken));
        var transcription = await client.TranscribeAudioAsync(wav, "voice.wav", new AudioTranscriptionOptions { Language = LanguageOf(speech.Value.LocaleList) }, cancellationToken);
        return transcription.Value.Text ?? "";
    }

    /// <summary>With one locale, its language (<c>zh-CN</c> gives <c>zh</c>), which helps the model; with several, the model tells.</summary>
    private static string? LanguageOf(IReadOnlyList<string> locales) => locales.Count == 1 ? locales[0].Split('-')[0].ToLowerInvariant() : null;
}
