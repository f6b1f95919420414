using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>
/// Tavily's search API: <c>POST /search</c> with the key as a bearer token and <c>query</c> and <c>max_results</c> in the
/// body, answered with <c>results</c> of <c>title</c>, <c>url</c> and <c>content</c>.
/// See https://docs.tavily.com/documentation/api-reference/endpoint/search
/// </summary>
internal sealed class TavilyApi : IWebSearchApi
{
    public string Provider => WebSearchOptions.Tavily;

    public HttpRequestMessage CreateRequest(WebSearchOptions options, string query) => new(HttpMethod.Post, $"{options.Endpoint!.AbsoluteUri.TrimEnd('/')}/search")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Key) },
        Content = SearchJson.Body(new JsonObject { ["query"] = query, ["max_results"] = options.Results, ["search_depth"] = "basic" }),
    };

    public IEnumerable<WebSearchResult> ReadResults(JsonElement response) =>
        SearchJson.Array(response, "results")
            .Select(result => WebSearchResult.Create(SearchJson.Text(result, "title"), SearchJson.Text(result, "url"), SearchJson.Text(result, "content")))
            .OfType<WebSearchResult>();
}
