using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Audio;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// OpenAI's <c>/audio/speech</c> on <c>chat_gpt_endpoint</c>, through the client the chat model uses, with its key or
/// Entra ID: an Azure OpenAI resource serves it for a deployment of a speech model named in <c>tts_model</c>.
/// </summary>
internal sealed class OpenAITextToSpeech(OpenAIClient openAI, IOptions<VoiceReplyOptions> options) : ITextToSpeech
{
    public async Task<byte[]> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var speech = await openAI.GetAudioClient(settings.Model).GenerateSpeechAsync(
            text, new GeneratedSpeechVoice(settings.Voice!), new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3 }, cancellationToken);
        return speech.Value.ToArray();
    }
}
