using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using WeChatFunctions.AzureAI;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// Azure AI Speech as transcription and spoken answers both call it: the resource's endpoint and an Azure.Core
/// pipeline (<see cref="AzureAIPipelines"/>) that signs each request with <c>speech_key</c> or, without a key, with an
/// Entra ID token, and retries briefly. Its REST APIs have no .NET client in our package registry.
/// See https://learn.microsoft.com/azure/ai-services/speech-service/rest-speech-to-text
/// </summary>
internal sealed class SpeechPipeline(HttpPipeline pipeline, Uri? endpoint)
{
    public Uri Endpoint => endpoint ?? throw new InvalidOperationException("Setting 'speech_endpoint' is not set, yet Azure AI Speech was called.");

    /// <summary>A request to <paramref name="path"/> (such as <c>/speechtotext/transcriptions:transcribe</c>) under the endpoint.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Endpoint);
        message.Request.Uri.AppendPath(path, escape: false);
        return message;
    }

    /// <summary>Sends <paramref name="message"/>; an error status throws <see cref="RequestFailedException"/>, which carries no key.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        return message.Response.IsError ? throw new RequestFailedException(message.Response) : message.Response;
    }

    /// <summary>Retries short enough for WeChat's window; <paramref name="entraId"/> is called only without a key.</summary>
    public static SpeechPipeline Create(SpeechOptions options, Func<TokenCredential> entraId) =>
        new(AzureAIPipelines.Build(options.Key, entraId, maxRetries: 1, networkTimeout: TimeSpan.FromSeconds(10)), options.Endpoint);
}
