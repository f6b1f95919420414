using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// OpenAI's <c>POST /v1/embeddings</c>, served by the fake model server. A real model cannot run here, so the vectors
/// carry the text's wording instead of its meaning: each pair of adjacent Chinese characters and each ASCII word is
/// hashed, with a sign, into one of the dimensions, and the vector is scaled to length 1. Texts that share wording
/// come out close, which is what the retrieval tests need; synonyms do not, which is what a real model adds.
/// </summary>
public sealed class FakeEmbeddings
{
    /// <summary>text-embedding-3-small's length, used when a request gives no <c>dimensions</c>.</summary>
    public const int DefaultDimensions = 1536;

    private readonly ConcurrentQueue<FakeEmbeddingRequest> _requests = new();

    public IReadOnlyList<FakeEmbeddingRequest> Requests => [.. _requests];

    /// <summary>An HTTP status to fail every embedding request with.</summary>
    public int? FailureStatus { get; set; }

    public void Reset()
    {
        _requests.Clear();
        FailureStatus = null;
    }

    internal void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/embeddings", HandleAsync);

    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var feature in Features(text))
        {
            var hash = Fnv1a(feature);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1 : -1;
        }

        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return length == 0 ? vector : [.. vector.Select(value => value / length)];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        string[] inputs = body["input"] is JsonArray array ? [.. array.Select(item => item!.GetValue<string>())] : [body["input"]!.GetValue<string>()];
        var dimensions = body["dimensions"]?.GetValue<int>();
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        _requests.Enqueue(new FakeEmbeddingRequest(body["model"]!.GetValue<string>(), inputs, dimensions, context.Request.Headers.Authorization.ToString()));
        if (FailureStatus is { } status)
        {
            await FakeModelServer.WriteErrorAsync(context, status, "server_error", "The fake embedding model was told to fail.");
            return;
        }

        var tokens = inputs.Sum(input => Features(input).Count() + 1);
        var data = new JsonArray();
        foreach (var (input, index) in inputs.Select((input, index) => (input, index)))
        {
            var vector = Embed(input, dimensions ?? DefaultDimensions);
            JsonNode embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : new JsonArray([.. vector.Select(value => (JsonNode)value)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = index, ["embedding"] = embedding });
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private static IEnumerable<string> Features(string text)
    {
        var word = new StringBuilder();
        char? previous = null;
        foreach (var character in text.ToLowerInvariant() + " ")
        {
            var han = character is >= '\u3400' and <= '\u9FFF';
            if (han && previous is { } before)
            {
                yield return string.Concat(before, character);
            }

            previous = han ? character : null;
            if (char.IsAsciiLetterOrDigit(character))
            {
                word.Append(character);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash;
    }
}

public sealed record FakeEmbeddingRequest(string Model, IReadOnlyList<string> Inputs, int? Dimensions, string Authorization);
