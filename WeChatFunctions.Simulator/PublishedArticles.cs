using System.Text.Json.Nodes;

namespace WeChatFunctions.Simulator;

/// <summary>An article the account has published (发表), with its body as the editor saved it.</summary>
public sealed record PublishedArticle(string Title, string ContentHtml, string Url);

/// <summary>
/// Pages of published articles the way <c>POST /cgi-bin/freepublish/batchget</c> returns them: <c>offset</c> from 0,
/// <c>count</c> from 1 to 20, each item one publication holding its articles in <c>content.news_item</c>.
/// </summary>
internal static class PublishedArticles
{
    public const int MaxCount = 20;

    /// <returns>The page, or <see langword="null"/> when offset or count is out of range (errcode 47001).</returns>
    public static JsonObject? Page(IList<PublishedArticle> published, int offset, int count, bool noContent)
    {
        if (offset < 0 || count is < 1 or > MaxCount)
        {
            return null;
        }

        List<PublishedArticle> all;
        lock (published)
        {
            all = [.. published];
        }

        var items = all.Skip(offset).Take(count).Select((article, index) => (JsonNode)new JsonObject
        {
            ["article_id"] = $"article-{offset + index}",
            ["content"] = new JsonObject
            {
                ["news_item"] = new JsonArray(new JsonObject
                {
                    ["title"] = article.Title,
                    ["author"] = "",
                    ["digest"] = "",
                    ["content"] = noContent ? "" : article.ContentHtml,
                    ["content_source_url"] = "",
                    ["thumb_media_id"] = "",
                    ["url"] = article.Url,
                    ["is_deleted"] = false,
                }),
                ["create_time"] = 1_700_000_000,
                ["update_time"] = 1_700_000_000,
            },
            ["update_time"] = 1_700_000_000,
        });
        var page = new JsonArray([.. items]);
        return new JsonObject { ["total_count"] = all.Count, ["item_count"] = page.Count, ["item"] = page };
    }
}
