using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Background;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// The admin commands for the knowledge base: <c>kb_add</c>, <c>kb_list</c>, <c>kb_remove</c> and <c>kb_stats</c>.
/// An import runs as background work: the reply says how it ended when it ends within <see cref="QuickWait"/>, and
/// otherwise that it goes on, with <c>kb_stats</c> to see how it ended.
/// </summary>
internal sealed class KnowledgeAdministration(
    IKnowledgeCatalog catalog,
    IPassageIndex index,
    KnowledgeImporter importer,
    PublishedArticleImport published,
    BackgroundWork background,
    IOptions<KnowledgeOptions> options,
    TimeProvider timeProvider,
    ILogger<KnowledgeAdministration> logger)
{
    /// <summary>WeChat waits 5 seconds for the reply to the command; the other checks need some of them too.</summary>
    public static readonly TimeSpan QuickWait = TimeSpan.FromSeconds(3);

    private const int ListedDocuments = 30;

    private const int ListedImports = 5;

    /// <summary>How the listing of published articles shows in <c>kb_stats</c> when WeChat refuses it.</summary>
    private const string PublishedSource = "公众号已发表的文章";

    /// <param name="url">The command's third line.</param>
    public async Task<string?> AddAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var import = background.Begin(stopping => importer.ImportUrlAsync(address, stopping));
        var ended = await Task.WhenAny(import, Task.Delay(QuickWait, timeProvider, cancellationToken)) == import;
        return ended
            ? KnowledgeViews.Outcome(await import)
            : $"正在导入 {address}（编号 {KnowledgeDocument.IdOf(address.ToString())}），完成后用 kb_list 或 kb_stats 查看结果。";
    }

    /// <summary>Starts importing every published article in the background; <c>kb_stats</c> shows each as it ends.</summary>
    public string ImportPublished()
    {
        if (!published.IsPossible)
        {
            return "导入已发表的文章要用微信的接口：请先设置 wechat_app_id 和 wechat_app_secret（需要认证的公众号）。";
        }

        background.Run(async stopping =>
        {
            try
            {
                await published.ImportAllAsync(imported: null, stopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                KnowledgeLog.BackgroundImportFailed(logger, exception);
                await importer.RecordFailureAsync(PublishedSource, "微信接口没有返回文章列表：" + KnowledgeTexts.ProblemOf(exception), stopping);
            }
        });
        return "开始导入公众号已发表的文章（没有变化的会跳过），稍后用 kb_stats 查看每篇的结果。";
    }

    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var documents = (await catalog.ListAsync(cancellationToken)).OrderByDescending(document => document.UpdatedAt).ToList();
        if (documents.Count == 0)
        {
            return "知识库还是空的。用 kb_add 加入文章链接，或用命令行导入工具导入文件夹。";
        }

        var lines = documents.Take(ListedDocuments).Select(document => $"[{document.Id}] 《{document.Title}》{document.Chunks} 段 {document.Source}");
        var more = documents.Count > ListedDocuments ? $"\n……另有 {documents.Count - ListedDocuments} 篇" : "";
        return $"知识库（{documents.Count} 篇，{documents.Sum(document => document.Chunks)} 段，最近更新的在前）：\n" + string.Join('\n', lines) + more;
    }

    /// <param name="idOrSource">A document's id, or the URL or path it was imported from.</param>
    /// <returns>The reply, or <see langword="null"/> when no document has that id or source.</returns>
    public async Task<string?> RemoveAsync(string idOrSource, CancellationToken cancellationToken)
    {
        var document = await catalog.FindAsync(KnowledgeDocument.IsId(idOrSource.Trim()) ? idOrSource.Trim() : KnowledgeDocument.IdOf(idOrSource), cancellationToken);
        if (document is null)
        {
            return null;
        }

        await index.RemoveAsync(document, cancellationToken);
        await catalog.DeleteAsync(document.Id, cancellationToken);
        return $"已从知识库删除《{document.Title}》（{document.Id}，{document.Chunks} 段）。";
    }

    public async Task<string> StatsAsync(CancellationToken cancellationToken)
    {
        var documents = await catalog.ListAsync(cancellationToken);
        var imports = await catalog.ListImportsAsync(ListedImports, cancellationToken);
        var knowledge = options.Value;
        var dimensions = knowledge.EmbeddingDimensions > 0 ? knowledge.EmbeddingDimensions.ToString(CultureInfo.InvariantCulture) + " 维" : "模型默认维数";
        var lines = new List<string>
        {
            $"知识库：{documents.Count} 篇文档，{documents.Sum(document => document.Chunks)} 段，嵌入共 {documents.Sum(document => document.Tokens)} token",
            string.Create(CultureInfo.InvariantCulture, $"模式 {knowledge.Mode}，每问取 {knowledge.TopK} 段，最低相似度 {knowledge.MinScore:0.00}，嵌入模型 {knowledge.EmbeddingModel}（{dimensions}）"),
            index.Describe(),
        };
        if (imports.Count > 0)
        {
            lines.Add("最近的导入：");
            lines.AddRange(imports.Select(import => "• " + KnowledgeViews.Import(import, timeProvider.GetUtcNow())));
        }

        return string.Join('\n', lines);
    }
}
