using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// The <c>azure_speech</c> provider: Azure AI Speech's fast transcription, which takes WeChat's AMR and Speex as they
/// come and answers synchronously, faster than the voice lasts: a multipart <c>audio</c> file and a <c>definition</c>
/// naming the locales, and the transcript in <c>combinedPhrases[0].text</c>.
/// See https://learn.microsoft.com/azure/ai-services/speech-service/fast-transcription-create
/// </summary>
internal sealed class AzureFastTranscriber(SpeechPipeline speech, IOptions<SpeechOptions> options) : ISpeechTranscriber
{
    public const string Path = "/speechtotext/transcriptions:transcribe";

    public const string ApiVersion = "2025-10-15";

    public async Task<string> TranscribeAsync(SpokenAudio audio, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio.Content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(audio.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "audio", audio.FileName);
        form.Add(new StringContent(new JsonObject { ["locales"] = new JsonArray([.. options.Value.LocaleList.Select(locale => JsonValue.Create(locale))]) }.ToJsonString()), "definition");

        using var message = speech.CreateMessage(RequestMethod.Post, Path);
        message.Request.Uri.AppendQuery("api-version", ApiVersion);
        message.Request.Headers.SetValue("Content-Type", form.Headers.ContentType!.ToString());
        message.Request.Content = RequestContent.Create(await form.ReadAsByteArrayAsync(cancellationToken));
        var response = await speech.SendAsync(message, cancellationToken);
        var answer = JsonNode.Parse(response.Content.ToMemory().Span) ?? throw new InvalidOperationException("Azure AI Speech answered with an empty body.");

        // A voice with no speech in it has no phrases at all.
        return answer["combinedPhrases"] is JsonArray { Count: > 0 } phrases ? phrases[0]?["text"]?.GetValue<string>() ?? "" : "";
    }
}
