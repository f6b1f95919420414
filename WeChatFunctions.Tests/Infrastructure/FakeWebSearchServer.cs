using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Stands in on loopback for the three web search services the app knows, each in its documented shape: SearXNG
/// (<c>GET /search?q=…&amp;format=json</c>, 403 without <c>format=json</c>), Tavily (<c>POST /search</c>) and Bocha
/// (<c>POST /v1/web-search</c>), the last two refusing a request without <c>Authorization: Bearer </c><see cref="Key"/>
/// with 401, as they do. What it answers is chosen per query, so tests in parallel do not meet; every request is recorded.
/// </summary>
public sealed class FakeWebSearchServer : IAsyncDisposable
{
    public const string Key = "wsk-fake-web-search-key-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWebSearchRequest> _requests = new();
    private readonly ConcurrentDictionary<string, FakeWebSearchAnswer> _answers = new(StringComparer.Ordinal);

    private FakeWebSearchServer() => (_app, BaseAddress) = InProcessHosts.StartOnLoopback(app =>
    {
        app.MapGet("/search", context => HandleAsync(context, "searxng"));
        app.MapPost("/search", context => HandleAsync(context, "tavily"));
        app.MapPost("/v1/web-search", context => HandleAsync(context, "bocha"));
    });

    /// <summary>The <c>web_search_endpoint</c> of SearXNG and Tavily.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The <c>web_search_endpoint</c> of Bocha, the full URL of its one call.</summary>
    public Uri BochaEndpoint => new(BaseAddress, "/v1/web-search");

    public static Task<FakeWebSearchServer> StartAsync() => Task.FromResult(new FakeWebSearchServer());

    /// <summary>Answers <paramref name="query"/> with these pages, in this order; any other query finds nothing.</summary>
    public void Serve(string query, params FakeWebPage[] pages) => _answers[query] = new FakeWebSearchAnswer(pages);

    /// <summary>Answers <paramref name="query"/> with this status and body instead of results.</summary>
    public void Answer(string query, int status, string body, TimeSpan delay = default) => _answers[query] = new FakeWebSearchAnswer([], status, body, delay);

    public IReadOnlyList<FakeWebSearchRequest> RequestsFor(string query) => [.. _requests.Where(request => request.Query == query)];

    private async Task HandleAsync(HttpContext context, string provider)
    {
        var body = context.Request.Method == "POST" ? await JsonNode.ParseAsync(context.Request.Body) as JsonObject : null;
        var query = provider == "searxng" ? context.Request.Query["q"].ToString() : body?["query"]?.GetValue<string>() ?? "";
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new FakeWebSearchRequest(provider, context.Request.Method, context.Request.Path + context.Request.QueryString, authorization, query, body));

        var answer = _answers.GetValueOrDefault(query) ?? new FakeWebSearchAnswer([]);
        await Task.Delay(answer.Delay, context.RequestAborted);
        var (status, response) = provider switch
        {
            "searxng" when context.Request.Query["format"] != "json" => (403, "<h1>Forbidden</h1>"),
            "tavily" or "bocha" when authorization != $"Bearer {Key}" => (401, """{"detail":{"error":"Unauthorized: missing or invalid API key."}}"""),
            _ when answer.Body is not null => (answer.Status, answer.Body),
            "searxng" => (200, Searxng(query, answer.Pages)),
            "tavily" => (200, Tavily(query, answer.Pages.Take(body?["max_results"]?.GetValue<int>() ?? 5))),
            _ => (200, Bocha(query, answer.Pages.Take(body?["count"]?.GetValue<int>() ?? 10), body?["summary"]?.GetValue<bool>() == true)),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = response.StartsWith('<') ? "text/html" : "application/json";
        await context.Response.WriteAsync(response, context.RequestAborted);
    }

    private static string Searxng(string query, IEnumerable<FakeWebPage> pages) => new JsonObject
    {
        ["query"] = query,
        ["number_of_results"] = 0,
        ["results"] = new JsonArray([.. pages.Select(page => new JsonObject
        {
            ["url"] = page.Url, ["title"] = page.Title, ["content"] = page.Snippet, ["engine"] = "bing", ["engines"] = new JsonArray("bing"), ["score"] = 1.0, ["category"] = "general",
        })]),
        ["answers"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["unresponsive_engines"] = new JsonArray(),
    }.ToJsonString();

    private static string Tavily(string query, IEnumerable<FakeWebPage> pages) => new JsonObject
    {
        ["query"] = query,
        ["answer"] = null,
        ["images"] = new JsonArray(),
        ["results"] = new JsonArray([.. pages.Select(page => new JsonObject { ["title"] = page.Title, ["url"] = page.Url, ["content"] = page.Snippet, ["score"] = 0.9, ["raw_content"] = null })]),
        ["response_time"] = 0.42,
    }.ToJsonString();

    private static string Bocha(string query, IEnumerable<FakeWebPage> pages, bool summary) => new JsonObject
    {
        ["code"] = 200,
        ["log_id"] = "fake0123456789",
        ["msg"] = null,
        ["data"] = new JsonObject
        {
            ["_type"] = "SearchResponse",
            ["queryContext"] = new JsonObject { ["originalQuery"] = query },
            ["webPages"] = new JsonObject
            {
                ["webSearchUrl"] = "https://bochaai.com/search?q=" + Uri.EscapeDataString(query),
                ["totalEstimatedMatches"] = 1000,
                ["value"] = new JsonArray([.. pages.Select((page, index) => new JsonObject
                {
                    ["id"] = $"https://api.bochaai.com/v1/#WebPages.{index}", ["name"] = page.Title, ["url"] = page.Url, ["displayUrl"] = page.Url,
                    ["snippet"] = page.Snippet, ["summary"] = summary ? page.Summary ?? page.Snippet : null, ["siteName"] = new Uri(page.Url).Host,
                    ["dateLastCrawled"] = "2025-01-01T00:00:00Z",
                })]),
                ["someResultsRemoved"] = false,
            },
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record FakeWebSearchAnswer(IReadOnlyList<FakeWebPage> Pages, int Status = 200, string? Body = null, TimeSpan Delay = default);
}

/// <summary>A page a fake search finds; Bocha gives its <paramref name="Summary"/> when asked for summaries.</summary>
public sealed record FakeWebPage(string Title, string Url, string Snippet, string? Summary = null);

/// <summary>A search request as the stand-in received it.</summary>
/// <param name="Provider">searxng, tavily or bocha, by the route it came to.</param>
/// <param name="PathAndQuery">Such as <c>/search?q=…&amp;format=json</c>.</param>
/// <param name="Body">The JSON body of a POST.</param>
public sealed record FakeWebSearchRequest(string Provider, string Method, string PathAndQuery, string Authorization, string Query, JsonObject? Body);
