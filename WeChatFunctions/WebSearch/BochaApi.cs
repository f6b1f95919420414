using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>
/// Bocha's (博查) Web Search API: <c>POST /v1/web-search</c> with the key as a bearer token and <c>query</c>, <c>count</c>
/// and <c>summary</c> in the body, answered in the shape of Bing's: <c>code</c> 200 and <c>data.webPages.value</c> of
/// <c>name</c>, <c>url</c>, <c>snippet</c> and, when asked for, the longer <c>summary</c>.
/// See https://open.bochaai.com (API 文档 → Web Search API)
/// </summary>
internal sealed class BochaApi : IWebSearchApi
{
    public string Provider => WebSearchOptions.Bocha;

    public HttpRequestMessage CreateRequest(WebSearchOptions options, string query) => new(HttpMethod.Post, options.Endpoint)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Key) },
        Content = SearchJson.Body(new JsonObject { ["query"] = query, ["count"] = options.Results, ["summary"] = true, ["freshness"] = "noLimit" }),
    };

    public IEnumerable<WebSearchResult> ReadResults(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Bocha's answer has no 'data'.");
        }

        // The service wraps its own status around the results; anything but 200 there is a refusal, whatever HTTP said.
        if (response.TryGetProperty("code", out var code) && code.GetRawText().Trim('"') != "200")
        {
            throw new JsonException($"Bocha answered with code {code.GetRawText()}.");
        }

        // Like Bing's, the answer leaves out webPages when it found none.
        if (!data.TryGetProperty("webPages", out var webPages) || webPages.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return SearchJson.Array(webPages, "value")
            .Select(page => WebSearchResult.Create(SearchJson.Text(page, "name"), SearchJson.Text(page, "url"), SearchJson.Text(page, "summary") ?? SearchJson.Text(page, "snippet")))
            .OfType<WebSearchResult>();
    }
}
