using System.Text.Json;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>One search service's request and response, as its documentation gives them; the sending is <see cref="WebSearchClient"/>'s.</summary>
internal interface IWebSearchApi
{
    /// <summary>The value of <c>web_search_provider</c> that selects it.</summary>
    string Provider { get; }

    HttpRequestMessage CreateRequest(WebSearchOptions options, string query);

    /// <summary>The results in the service's order, without those that are not web pages.</summary>
    /// <exception cref="JsonException">The response is not of the documented shape.</exception>
    IEnumerable<WebSearchResult> ReadResults(JsonElement response);
}
