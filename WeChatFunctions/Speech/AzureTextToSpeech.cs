using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure.Core;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// Azure AI Speech's text to speech REST API: SSML in, MP3 out, through the pipeline transcription shares (the key as
/// <c>Ocp-Apim-Subscription-Key</c>, or an Entra ID token, which only a resource's custom domain accepts).
/// See https://learn.microsoft.com/azure/ai-services/speech-service/rest-text-to-speech
/// </summary>
internal sealed partial class AzureTextToSpeech(SpeechPipeline speech, IOptions<VoiceReplyOptions> options, IOptions<SpeechOptions> speechOptions) : ITextToSpeech
{
    /// <summary>Mono MP3 at 48 kbit/s: a 60 s voice is about 360 KB, far within WeChat's 2 MB.</summary>
    public const string OutputFormat = "audio-24khz-48kbitrate-mono-mp3";

    private static readonly XNamespace Ssml = "http://www.w3.org/2001/10/synthesis";

    public async Task<byte[]> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var voice = options.Value.Voice!;
        var document = new XElement(
            Ssml + "speak",
            new XAttribute("version", "1.0"),
            new XAttribute(XNamespace.Xml + "lang", LanguageOf(voice)),
            new XElement(Ssml + "voice", new XAttribute("name", voice), text));
        using var message = speech.CreateMessage(RequestMethod.Post, "");
        message.Request.Uri.Reset(SynthesisUri(speech.Endpoint)); // not always under the endpoint: see SynthesisUri
        message.Request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        message.Request.Headers.Add("Content-Type", "application/ssml+xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)));
        var response = await speech.SendAsync(message, cancellationToken);
        return response.Content.ToArray();
    }

    /// <summary>
    /// Where speech is synthesised for <paramref name="endpoint"/>: a custom domain (<c>{name}.cognitiveservices.azure.com</c>,
    /// the only form Entra ID works with) serves it under <c>/tts</c>; a regional key endpoint
    /// (<c>{region}.api.cognitive.microsoft.com</c>) has it at <c>{region}.tts.speech.microsoft.com</c>; any other endpoint,
    /// such as that regional host itself, at <c>/cognitiveservices/v1</c>.
    /// </summary>
    public static Uri SynthesisUri(Uri endpoint)
    {
        var root = endpoint.AbsoluteUri.TrimEnd('/');
        if (RegionalKeyHost().Match(endpoint.Host) is { Success: true } regional)
        {
            return new Uri($"https://{regional.Groups["region"].Value}.tts.speech.microsoft.com/cognitiveservices/v1");
        }

        return new Uri(root + (CustomDomainHost().IsMatch(endpoint.Host) ? "/tts/cognitiveservices/v1" : "/cognitiveservices/v1"));
    }

    /// <summary>The SSML's language: the voice's own (<c>zh-CN</c> of <c>zh-CN-XiaoxiaoNeural</c>), else the first of <c>speech_locales</c>.</summary>
    private string LanguageOf(string voice) =>
        VoiceLocale().Match(voice) is { Success: true } locale ? locale.Value
        : speechOptions.Value.LocaleList is [var first, ..] ? first : SpeechOptions.DefaultLocales;

    [GeneratedRegex(@"^(?<region>[a-z0-9]+)\.api\.cognitive\.microsoft\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex RegionalKeyHost();

    [GeneratedRegex(@"\.cognitiveservices\.azure\.(com|cn)$", RegexOptions.IgnoreCase)]
    private static partial Regex CustomDomainHost();

    [GeneratedRegex("^[a-z]{2,3}-[A-Z]{2}(?=-)")]
    private static partial Regex VoiceLocale();
}
