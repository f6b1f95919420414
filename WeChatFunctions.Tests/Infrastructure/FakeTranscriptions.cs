using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// OpenAI's <c>POST /v1/audio/transcriptions</c>, served by the fake model server: a multipart <c>file</c>, <c>model</c>
/// and optional <c>language</c>, answered with <c>{"text":…}</c>. It accepts only what the real API accepts in the
/// formats this app can produce: a WAV (a RIFF file), refusing anything else with 400 as OpenAI refuses AMR.
/// </summary>
public sealed class FakeTranscriptions
{
    private readonly ConcurrentQueue<FakeTranscriptionRequest> _requests = new();

    public IReadOnlyList<FakeTranscriptionRequest> Requests => [.. _requests];

    /// <summary>What each WAV is heard as; by default nothing.</summary>
    public Func<byte[], string> Transcript { get; set; } = _ => "";

    public void Reset()
    {
        _requests.Clear();
        Transcript = _ => "";
    }

    internal void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/audio/transcriptions", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        using var bytes = new MemoryStream();
        if (form.Files.GetFile("file") is { } file)
        {
            await file.CopyToAsync(bytes, context.RequestAborted);
        }

        var request = new FakeTranscriptionRequest(
            form["model"].ToString(), form["language"].ToString(), form.Files.GetFile("file")?.FileName ?? "", bytes.ToArray(), context.Request.Headers.Authorization.ToString());
        _requests.Enqueue(request);
        if (!request.IsWav)
        {
            await FakeModelServer.WriteErrorAsync(context, 400, "invalid_value", "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']", "file");
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["text"] = Transcript(request.Audio) });
    }
}

/// <summary>A transcription request as the fake model server received it.</summary>
public sealed record FakeTranscriptionRequest(string Model, string Language, string FileName, byte[] Audio, string Authorization)
{
    public bool IsWav => Audio.Length >= 12 && Audio.AsSpan(0, 4).SequenceEqual("RIFF"u8) && Audio.AsSpan(8, 4).SequenceEqual("WAVE"u8);
}
