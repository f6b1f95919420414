using System.Diagnostics;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback, so the app's real SDK, HTTP and SSE path is exercised.
/// It also serves the moderation endpoints (<see cref="FakeModeration"/>), embeddings, text to speech (<see cref="FakeTextToSpeech"/>), transcription (<see cref="FakeTranscriptions"/>), the image API (<see cref="FakeImages"/>), and acts as a plain HTTP proxy: a request whose Host is not its own still reaches it, and is recorded.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private readonly TiktokenTokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");
    private int _failuresServed;

    private FakeModelServer() => (_app, BaseAddress) = InProcessHosts.StartOnLoopback(app =>
    {
        app.MapPost("/v1/chat/completions", HandleAsync);
        Moderation.Map(app);
        Embeddings.Map(app);
        Speech.Map(app);
        Transcriptions.Map(app);
        Images.Map(app);
    });

    public Uri BaseAddress { get; }

    /// <summary>The value for the app's <c>chat_gpt_endpoint</c> setting.</summary>
    public Uri Endpoint => new(BaseAddress, "/v1");

    public FakeModelBehavior Behavior { get; set; } = new();

    public FakeModeration Moderation { get; } = new();

    public FakeEmbeddings Embeddings { get; } = new();

    public FakeTextToSpeech Speech { get; } = new();

    public FakeTranscriptions Transcriptions { get; } = new();
    public FakeImages Images { get; } = new();

    public IReadOnlyList<FakeChatRequest> Requests => [.. _requests];

    public int PromptTokens(FakeChatRequest request) => request.Messages.Sum(message => 4 + _tokenizer.CountTokens(message.Content)) + 3;

    public static Task<FakeModelServer> StartAsync() => Task.FromResult(new FakeModelServer());

    public void Reset(FakeModelBehavior? behavior = null)
    {
        Behavior = behavior ?? new FakeModelBehavior();
        Moderation.Reset();
        Embeddings.Reset();
        Speech.Reset();
        Transcriptions.Reset();
        Images.Reset();
        _requests.Clear();
        Interlocked.Exchange(ref _failuresServed, 0);
    }

    public IReadOnlyList<FakeChatRequest> RequestsAbout(string marker) =>
        [.. _requests.Where(request => request.Messages.Any(message => message.Content.Contains(marker, StringComparison.Ordinal)))];

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var request = new FakeChatRequest(
            body["model"]!.GetValue<string>(),
            [.. body["messages"]!.AsArray().Select(message => MessageOf(message!))],
            body["stream"]?.GetValue<bool>() == true,
            body["temperature"]?.GetValue<double>(),
            context.Request.Headers.Authorization,
            context.Request.Host.Value ?? "")
        {
            IncludeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() == true,
            MaxTokens = (body["max_completion_tokens"] ?? body["max_tokens"])?.GetValue<int>(),
            Tools = body["tools"] is JsonArray tools ? [.. tools.Select(tool => tool?["function"]?["name"]?.GetValue<string>() ?? "")] : [],
            ToolChoice = body["tool_choice"] is JsonValue choice ? choice.GetValue<string>() : null,
        };
        request.PromptTokens = PromptTokens(request);
        request.CompletionTokens = answer => _tokenizer.CountTokens(answer);
        _requests.Enqueue(request);
        var behavior = Behavior;

        if (behavior.FailureStatus is { } status && Interlocked.Increment(ref _failuresServed) <= behavior.Failures)
        {
            await WriteErrorAsync(context, status, "server_error", "The fake model was told to fail.");
            return;
        }

        if (behavior.MaxPromptTokens is { } limit && PromptTokens(request) > limit)
        {
            await WriteErrorAsync(context, 400, "context_length_exceeded", $"This model's maximum context length is {limit} tokens.");
            return;
        }

        if (behavior.FirstTokenGate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        if (behavior.RejectsTools && request.Tools.Count > 0)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "tools is not supported by this model.", "tools");
            return;
        }

        await Task.Delay(behavior.FirstTokenDelayOf?.Invoke(request) ?? behavior.FirstTokenDelay, context.RequestAborted);
        if (request.MayCallTools && behavior.ToolCalls(request) is { Count: > 0 } calls)
        {
            await FakeToolCalls.WriteAsync(context, request, calls);
            return;
        }

        var answer = behavior.Answer(request);
        if (request.Stream)
        {
            await StreamAsync(context, request, answer, behavior);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(Completion(request, answer));
        }
    }

    private static async Task StreamAsync(HttpContext context, FakeChatRequest request, string answer, FakeModelBehavior behavior)
    {
        context.Response.ContentType = "text/event-stream";
        for (var start = 0; start < answer.Length; start += behavior.ChunkCharacters)
        {
            var piece = answer.Substring(start, Math.Min(behavior.ChunkCharacters, answer.Length - start));
            await WriteEventAsync(context, Chunk(request, new JsonObject { ["role"] = "assistant", ["content"] = piece }, finishReason: null));
            if (behavior.ChunkInterval > TimeSpan.Zero)
            {
                await Task.Delay(behavior.ChunkInterval, context.RequestAborted);
            }
        }

        await WriteEventAsync(context, Chunk(request, [], "stop"));
        if (request.IncludeUsage)
        {
            // As OpenAI does for stream_options.include_usage: a last chunk with no choices and the usage.
            var usage = Chunk(request, [], null);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(request.PromptTokens, request.CompletionTokens(answer));
            await WriteEventAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
        await context.Response.Body.FlushAsync();
        request.CompletedAt = Stopwatch.GetTimestamp();
    }

    internal static async Task WriteEventAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        await context.Response.Body.FlushAsync();
    }

    internal static JsonObject Chunk(FakeChatRequest request, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = request.Model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static JsonObject Completion(FakeChatRequest request, string answer) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = request.Model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(request.PromptTokens, request.CompletionTokens(answer)),
    };

    internal static JsonObject Usage(int promptTokens, int completionTokens) =>
        new() { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens };

    /// <summary>An error in OpenAI's shape, <c>{"error":{message,type,param,code}}</c>.</summary>
    internal static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, string param = "messages")
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code },
        });
    }

    private static FakeChatMessage MessageOf(JsonNode message) => new(message["role"]!.GetValue<string>(), ContentOf(message["content"]), ImageUrlsOf(message["content"]))
    {
        ToolCallId = message["tool_call_id"]?.GetValue<string>(),
        ToolCalls = message["tool_calls"] is JsonArray calls
            ? [.. calls.Select(call => new FakeToolCall(call!["function"]!["name"]!.GetValue<string>(), call["function"]!["arguments"]!.GetValue<string>(), call["id"]?.GetValue<string>()))]
            : [],
    };

    /// <summary>The <c>image_url</c> parts of a message, as data URLs or links.</summary>
    private static IReadOnlyList<string> ImageUrlsOf(JsonNode? content) => content is JsonArray parts
        ? [.. parts.Select(part => part?["image_url"]?["url"]?.GetValue<string>()).OfType<string>()]
        : [];

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>())),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
