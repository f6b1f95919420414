using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Azure AI Speech's fast transcription on loopback, in its documented shape: <c>POST
/// /speechtotext/transcriptions:transcribe?api-version=…</c> with a multipart <c>audio</c> file and a <c>definition</c>,
/// refused with 401 without <c>Ocp-Apim-Subscription-Key: </c><see cref="Key"/>, answering the transcript in
/// <c>combinedPhrases[0].text</c>. What it answers is chosen per voice (by its bytes), so tests in parallel do not meet;
/// every request is recorded.
/// </summary>
public sealed class FakeFastTranscriptionServer : IAsyncDisposable
{
    public const string Key = "fake-speech-key-0123456789abcdef";

    public const string Path = "/speechtotext/transcriptions:transcribe";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeFastTranscriptionRequest> _requests = new();
    private readonly ConcurrentDictionary<string, FakeTranscript> _transcripts = new(StringComparer.Ordinal);

    private FakeFastTranscriptionServer() => (_app, Endpoint) = InProcessHosts.StartOnLoopback(app => app.Run(HandleAsync));

    /// <summary>The value for the app's <c>speech_endpoint</c> setting.</summary>
    public Uri Endpoint { get; }

    public static Task<FakeFastTranscriptionServer> StartAsync() => Task.FromResult(new FakeFastTranscriptionServer());

    /// <summary>Hears <paramref name="voice"/> as <paramref name="transcript"/>, after <paramref name="gate"/> when given; any other voice has no speech in it.</summary>
    public void Hear(byte[] voice, string transcript, Task? gate = null) => _transcripts[Convert.ToBase64String(voice)] = new FakeTranscript(transcript, 200, gate);

    /// <summary>Answers <paramref name="voice"/> with this error status, as the service does when it fails.</summary>
    public void Fail(byte[] voice, int status) => _transcripts[Convert.ToBase64String(voice)] = new FakeTranscript("", status, null);

    public IReadOnlyList<FakeFastTranscriptionRequest> RequestsFor(byte[] voice) => [.. _requests.Where(request => request.Audio.AsSpan().SequenceEqual(voice))];

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method != "POST" || context.Request.Path != Path || !context.Request.HasFormContentType)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var audio = form.Files.GetFile("audio");
        using var bytes = new MemoryStream();
        if (audio is not null)
        {
            await audio.CopyToAsync(bytes, context.RequestAborted);
        }

        var request = new FakeFastTranscriptionRequest(
            context.Request.Query["api-version"].ToString(),
            context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(),
            bytes.ToArray(),
            audio?.FileName ?? "",
            audio?.ContentType ?? "",
            JsonNode.Parse(form["definition"].ToString() is { Length: > 0 } definition ? definition : "{}")!);
        _requests.Enqueue(request);
        var transcript = _transcripts.GetValueOrDefault(Convert.ToBase64String(request.Audio)) ?? new FakeTranscript("", 200, null);
        if (transcript.Gate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        if (request.Key != Key)
        {
            await Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "401", ["message"] = "Access denied due to invalid subscription key." } }, statusCode: 401).ExecuteAsync(context);
            return;
        }

        if (transcript.Status != 200)
        {
            await Results.Json(new JsonObject { ["code"] = "InternalServerError", ["message"] = "The fake speech service was told to fail." }, statusCode: transcript.Status).ExecuteAsync(context);
            return;
        }

        JsonArray phrases = transcript.Text.Length == 0 ? [] : [new JsonObject { ["text"] = transcript.Text }];
        await Results.Json(new JsonObject { ["durationMilliseconds"] = 1800, ["combinedPhrases"] = phrases, ["phrases"] = new JsonArray() }).ExecuteAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record FakeTranscript(string Text, int Status, Task? Gate);
}

/// <summary>A fast-transcription request as the fake speech service received it.</summary>
public sealed record FakeFastTranscriptionRequest(string ApiVersion, string Key, byte[] Audio, string FileName, string ContentType, JsonNode Definition);
