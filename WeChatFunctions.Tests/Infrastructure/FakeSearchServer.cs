using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Stands in for an Azure AI Search service on loopback, for what the app calls, as the REST API (2023-11-01)
/// documents it: Get Index and Create Index, Index Documents (<c>docs/search.index</c>) and Search Documents
/// (<c>docs/search.post.search</c>) with a vector query. Requests that break the documented shape are refused with 400,
/// as the service would, and every request is recorded. Search ranks like hybrid search: reciprocal rank fusion of a
/// keyword match and the vectors' cosine.
/// </summary>
public sealed class FakeSearchServer : IAsyncDisposable
{
    public const string ApiVersion = "2023-11-01";

    public const string AdminKey = "fake-search-admin-key-0123456789";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSearchRequest> _requests = new();
    private readonly ConcurrentDictionary<string, FakeSearchIndex> _indexes = new(StringComparer.Ordinal);

    private FakeSearchServer() => (_app, Endpoint) = InProcessHosts.StartOnLoopback(app => app.Map("/{**path}", HandleAsync), Certificate);

    /// <summary>The value for <c>knowledge_search_endpoint</c>: https, as the SDK requires.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server's self-signed certificate, which the app's search client must be told to trust.</summary>
    public X509Certificate2 Certificate { get; } = LoopbackCertificate.Create();

    public IReadOnlyList<FakeSearchRequest> Requests => [.. _requests];

    public static Task<FakeSearchServer> StartAsync() => Task.FromResult(new FakeSearchServer());

    public FakeSearchIndex? Index(string name) => _indexes.GetValueOrDefault(name);

    private async Task HandleAsync(HttpContext context, string path)
    {
        var body = context.Request.ContentLength > 0 || context.Request.Method == "POST" || context.Request.Method == "PUT"
            ? await JsonNode.ParseAsync(context.Request.Body)
            : null;
        _requests.Enqueue(new FakeSearchRequest(context.Request.Method, "/" + path, context.Request.Query["api-version"].ToString(), body?.ToJsonString(Readable) ?? ""));
        if (context.Request.Query["api-version"] != ApiVersion)
        {
            await FailAsync(context, 400, $"Invalid or missing api-version; this service answers {ApiVersion}.");
            return;
        }

        if (context.Request.Headers["api-key"] != AdminKey)
        {
            await FailAsync(context, 403, "The api-key is missing or not an admin key.");
            return;
        }

        var route = FakeSearchRoute.Parse(context.Request.Method, path);
        var (status, response) = route.Operation switch
        {
            "getIndex" => _indexes.TryGetValue(route.Index, out var found) ? (200, found.Definition) : (404, Error($"No index with the name '{route.Index}' was found in the service.")),
            "createIndex" => CreateIndex(body!),
            "index" => _indexes.TryGetValue(route.Index, out var target) ? target.Index(body!) : (404, Error("No such index.")),
            "search" => _indexes.TryGetValue(route.Index, out var searched) ? searched.Search(body!) : (404, Error("No such index.")),
            _ => (400, Error($"{context.Request.Method} /{path} is not an operation this stand-in serves.")),
        };
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(response);
    }

    private (int, JsonNode) CreateIndex(JsonNode definition)
    {
        var (index, problem) = FakeSearchIndex.Create(definition);
        if (index is null)
        {
            return (400, Error(problem!));
        }

        return _indexes.TryAdd(index.Name, index) ? (201, definition) : (409, Error($"Index '{index.Name}' already exists."));
    }

    internal static JsonObject Error(string message) => new() { ["error"] = new JsonObject { ["code"] = "", ["message"] = message } };

    private static async Task FailAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(Error(message));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}

/// <summary>A request as the stand-in received it.</summary>
public sealed record FakeSearchRequest(string Method, string Path, string ApiVersion, string Body);

/// <summary>Which documented operation a method and path name: <c>indexes('name')</c> or <c>indexes/name</c> alike.</summary>
internal sealed record FakeSearchRoute(string Operation, string Index)
{
    public static FakeSearchRoute Parse(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["indexes"] && method == "POST")
        {
            return new("createIndex", "");
        }

        var index = segments.Length > 0 ? IndexName(segments) : "";
        return (method, segments.Length) switch
        {
            ("GET", 1) or ("GET", 2) when segments[0].StartsWith("indexes", StringComparison.Ordinal) => new("getIndex", index),
            ("POST", _) when path.EndsWith("/docs/search.index", StringComparison.Ordinal) || path.EndsWith("/docs/index", StringComparison.Ordinal) => new("index", index),
            ("POST", _) when path.EndsWith("/docs/search.post.search", StringComparison.Ordinal) || path.EndsWith("/docs/search", StringComparison.Ordinal) => new("search", index),
            _ => new("unknown", index),
        };
    }

    private static string IndexName(string[] segments) =>
        segments[0].StartsWith("indexes(", StringComparison.Ordinal) ? segments[0]["indexes(".Length..].Trim(')', '\'') : segments.Length > 1 ? segments[1] : "";
}
