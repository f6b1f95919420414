using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Text to speech, served by the fake model server: OpenAI's <c>POST /v1/audio/speech</c> (JSON) and Azure AI Speech's
/// <c>POST /cognitiveservices/v1</c> (SSML). The "MP3" it answers is the spoken text behind a fake MP3 header, so a test
/// can tell which text a voice WeChat received speaks.
/// </summary>
public sealed class FakeTextToSpeech
{
    private readonly ConcurrentQueue<FakeSpeechRequest> _requests = new();

    public IReadOnlyList<FakeSpeechRequest> Requests => [.. _requests];

    /// <summary>An HTTP status to fail every request with.</summary>
    public int? FailureStatus { get; set; }

    /// <summary>How long to take before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The audio for a text; <see cref="AudioOf"/> by default.</summary>
    public Func<string, byte[]> Audio { get; set; } = AudioOf;

    public static byte[] AudioOf(string text) => [0xFF, 0xF3, 0x44, 0xC4, .. Encoding.UTF8.GetBytes(text)];

    public void Reset()
    {
        _requests.Clear();
        FailureStatus = null;
        Delay = TimeSpan.Zero;
        Audio = AudioOf;
    }

    internal void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/audio/speech", OpenAIAsync);
        app.MapPost("/cognitiveservices/v1", AzureAsync);
    }

    private async Task OpenAIAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var input = body["input"]!.GetValue<string>();
        await AnswerAsync(context, new FakeSpeechRequest(
            "openai", input, body["model"]?.GetValue<string>(), body["voice"]?.GetValue<string>(), body["response_format"]?.GetValue<string>(), context.Request.Headers.Authorization.ToString()));
    }

    private async Task AnswerAsync(HttpContext context, FakeSpeechRequest request)
    {
        _requests.Enqueue(request);
        await Task.Delay(Delay, context.RequestAborted);
        if (FailureStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = "The fake speech service was told to fail." } });
            return;
        }

        context.Response.ContentType = "audio/mpeg";
        await context.Response.Body.WriteAsync(Audio(request.Text));
    }

    private async Task AzureAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var ssml = System.Xml.Linq.XElement.Parse(await reader.ReadToEndAsync());
        var voice = ssml.Elements().Single(element => element.Name.LocalName == "voice");
        var headers = context.Request.Headers;
        await AnswerAsync(context, new FakeSpeechRequest(
            "azure_speech", voice.Value, Model: null, voice.Attribute("name")?.Value, headers["X-Microsoft-OutputFormat"].ToString(), headers["Ocp-Apim-Subscription-Key"].ToString())
        {
            Language = ssml.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")?.Value,
            ContentType = context.Request.ContentType,
        });
    }
}

/// <summary>A request to speak a text, as the fake speech service received it.</summary>
/// <param name="Service"><c>openai</c> or <c>azure_speech</c>.</param>
/// <param name="Text">The words to speak (for Azure, the SSML's voice element's text).</param>
/// <param name="Format">OpenAI's <c>response_format</c>, or Azure's <c>X-Microsoft-OutputFormat</c>.</param>
/// <param name="Credential">The <c>Authorization</c> header for OpenAI, the <c>Ocp-Apim-Subscription-Key</c> for Azure.</param>
public sealed record FakeSpeechRequest(string Service, string Text, string? Model, string? Voice, string? Format, string Credential)
{
    public string? Language { get; init; }

    public string? ContentType { get; init; }
}
