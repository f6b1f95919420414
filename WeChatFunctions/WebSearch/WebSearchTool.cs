using System.Text.Json;
using Microsoft.Extensions.AI;
using WeChatFunctions.Tools;

namespace WeChatFunctions.WebSearch;

/// <summary><c>web_search</c>: searches the web through the service <c>web_search_provider</c> names, for what the model cannot know.</summary>
internal sealed class WebSearchTool(WebSearchClient client) : IAssistantTool
{
    public const string Name = "web_search";

    /// <summary>Search services take a few keywords; a longer query is cut, not refused.</summary>
    public const int MaxQueryCharacters = 200;

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        Name,
        "Searches the web and returns numbered results, each with a title, URL and snippet. Use it for recent events, news, prices, "
        + "schedules and facts you are not sure of. In the answer, cite the results you use by number right after what they support, "
        + "such as 【1】 or 【2】【3】; the app appends the list of sources, so do not list URLs yourself.",
        JsonElement.Parse("""
            {"type":"object","properties":{"query":{"type":"string","description":"What to search for: a few keywords, in the language of the pages wanted."}},"required":["query"]}
            """));

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var query = string.Join(' ', invocation.RequiredText("query").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        query = query.Length > MaxQueryCharacters ? query[..MaxQueryCharacters] : query;
        var results = await client.SearchAsync(query, cancellationToken);
        return results.Count == 0 ? throw new ToolFailedException(WebSearchTexts.NothingFound) : WebSearchReport.Of(query, results);
    }
}
