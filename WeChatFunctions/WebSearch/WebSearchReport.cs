using System.Globalization;
using System.Text;
using WeChatFunctions.Tools;

namespace WeChatFunctions.WebSearch;

/// <summary>
/// A search's results as the tool gives them back: for the model, numbered results with title, URL and snippet, which
/// the tool's description asks it to cite as 【1】; for the follower, a footnote that lists the same numbers with
/// titles and URLs, so every 【n】 in the answer leads to a page, and the addresses are the service's, not the model's.
/// </summary>
internal static class WebSearchReport
{
    public static ToolResult Of(string query, IReadOnlyList<WebSearchResult> results)
    {
        var text = new StringBuilder($"搜索「{query}」的结果：");
        var sources = new StringBuilder(WebSearchTexts.SourcesLabel);
        foreach (var (result, index) in results.Select((result, index) => (result, index + 1)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n【{index}】{result.Title}\n{result.Url}");
            if (result.Snippet.Length > 0)
            {
                text.Append('\n').Append(result.Snippet);
            }

            sources.Append(CultureInfo.InvariantCulture, $"\n【{index}】{WebSearchResult.Cut(result.Title, WebSearchTexts.MaxSourceTitleCharacters)} {result.Url}");
        }

        return new ToolResult(text.ToString(), sources.ToString());
    }
}
