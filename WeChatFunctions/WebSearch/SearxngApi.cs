using System.Text.Json;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>
/// SearXNG's search API: <c>GET /search?q=…&amp;format=json</c>, answered with <c>results</c> of <c>title</c>, <c>url</c> and
/// <c>content</c>. The instance must list <c>json</c> in <c>search.formats</c> of its settings.yml, or it answers 403.
/// See https://docs.searxng.org/dev/search_api.html
/// </summary>
internal sealed class SearxngApi : IWebSearchApi
{
    public string Provider => WebSearchOptions.Searxng;

    public HttpRequestMessage CreateRequest(WebSearchOptions options, string query) =>
        new(HttpMethod.Get, $"{options.Endpoint!.AbsoluteUri.TrimEnd('/')}/search?q={Uri.EscapeDataString(query)}&format=json");

    public IEnumerable<WebSearchResult> ReadResults(JsonElement response) =>
        SearchJson.Array(response, "results")
            .Select(result => WebSearchResult.Create(SearchJson.Text(result, "title"), SearchJson.Text(result, "url"), SearchJson.Text(result, "content")))
            .OfType<WebSearchResult>();
}
