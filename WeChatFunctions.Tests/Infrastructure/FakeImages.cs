using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// OpenAI's image API, served by the fake model server: <c>POST /v1/images/generations</c> answers with
/// <see cref="Picture"/> as <c>b64_json</c>, after a delay or a gate, or fails as told. A prompt containing
/// <see cref="RefusedMarker"/> is refused as gpt-image-1 refuses one under its content policy.
/// </summary>
public sealed class FakeImages
{
    public const string RefusedMarker = "【画不得】";

    private readonly ConcurrentQueue<FakeImageRequest> _requests = new();
    private TaskCompletionSource _requested = NewSignal();

    /// <summary>Every request, in the order they came; each would be a picture paid for.</summary>
    public IReadOnlyList<FakeImageRequest> Requests => [.. _requests];

    /// <summary>The picture's bytes: a PNG signature and random bytes, new on each reset, so a test knows its own.</summary>
    public byte[] Picture { get; private set; } = NewPicture();

    /// <summary>Holds each answer until this completes, then waits <see cref="Delay"/>.</summary>
    public Task? Gate { get; set; }

    public TimeSpan Delay { get; set; }

    /// <summary>An HTTP status to fail every request with, in OpenAI's error shape.</summary>
    public int? FailureStatus { get; set; }

    /// <summary>Completes when the first request since the last reset arrived.</summary>
    public Task Requested => _requested.Task;

    public void Reset()
    {
        _requests.Clear();
        Picture = NewPicture();
        Gate = null;
        Delay = TimeSpan.Zero;
        FailureStatus = null;
        _requested = NewSignal();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/images/generations", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var request = new FakeImageRequest(
            body["prompt"]!.GetValue<string>(),
            body["model"]?.GetValue<string>(),
            body["size"]?.GetValue<string>(),
            body["response_format"]?.GetValue<string>(),
            context.Request.Headers.Authorization);
        _requests.Enqueue(request);
        _requested.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        await Task.Delay(Delay, context.RequestAborted);
        if (FailureStatus is { } status)
        {
            await FakeModelServer.WriteErrorAsync(context, status, "server_error", "The fake image model was told to fail.", "prompt");
            return;
        }

        if (request.Prompt.Contains(RefusedMarker, StringComparison.Ordinal))
        {
            await FakeModelServer.WriteErrorAsync(context, 400, "moderation_blocked", "Your request was rejected by the safety system.", "prompt");
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["created"] = 1_700_000_000,
            ["data"] = new JsonArray(new JsonObject { ["b64_json"] = Convert.ToBase64String(Picture) }),
        });
    }

    private static byte[] NewPicture() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <param name="ResponseFormat">Sent for the DALL·E models only; the gpt-image models refuse it.</param>
/// <param name="Credential">The <c>Authorization</c> header.</param>
public sealed record FakeImageRequest(string Prompt, string? Model, string? Size, string? ResponseFormat, string? Credential);
