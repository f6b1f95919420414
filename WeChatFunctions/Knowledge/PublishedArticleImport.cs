using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Imports every article the account has published, as <c>freepublish/batchget</c> lists them, through the WeChat API
/// client of verified accounts. Each article is keyed by its link, so importing again skips those unchanged.
/// </summary>
internal sealed class PublishedArticleImport(WeChatApiClient api, KnowledgeImporter importer, IOptions<CustomerServiceOptions> options)
{
    /// <summary>The most <c>freepublish/batchget</c> returns at once.</summary>
    private const int PageSize = 20;

    /// <summary>Whether the AppID and AppSecret that WeChat's API needs are set.</summary>
    public bool IsPossible => options.Value.HasCredentials;

    /// <param name="imported">Told of each article as its import ends.</param>
    /// <returns>How each article's import ended.</returns>
    /// <exception cref="WeChatApiException">WeChat refused the listing, for example because the account is not verified.</exception>
    public async Task<IReadOnlyList<ImportRecord>> ImportAllAsync(Action<ImportRecord>? imported, CancellationToken cancellationToken)
    {
        var records = new List<ImportRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await api.GetPublishedAsync(offset, PageSize, cancellationToken);
            var items = page["item"] as JsonArray ?? [];
            foreach (var article in items.SelectMany(item => item?["content"]?["news_item"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (article["is_deleted"]?.GetValue<bool>() == true || article["url"]?.GetValue<string>() is not { Length: > 0 } url)
                {
                    continue;
                }

                var title = article["title"]?.GetValue<string>() ?? "";
                var html = article["content"]?.GetValue<string>() ?? "";
                var record = await importer.ImportAsync(
                    url, async token => new ExtractedArticle(title, await ArticleExtractor.TextOfAsync(html, ArticleFetcher.Timeout, token)), cancellationToken);
                records.Add(record);
                imported?.Invoke(record);
            }

            if (items.Count < PageSize || offset + PageSize >= (page["total_count"]?.GetValue<int>() ?? 0))
            {
                return records;
            }
        }
    }
}
