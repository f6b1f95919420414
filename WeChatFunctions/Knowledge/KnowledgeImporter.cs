using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Adds a document to the knowledge base: chunks its text, embeds the chunks, stores them in the index and lists the
/// document in the catalog. A document whose content hash is unchanged is skipped, so importing again costs nothing.
/// Every import is recorded, for <c>kb_stats</c>.
/// </summary>
internal sealed class KnowledgeImporter(
    IKnowledgeCatalog catalog, IPassageIndex index, TextChunker chunker, ImportEmbedding embedding, ArticleFetcher fetcher, TimeProvider timeProvider, ILogger<KnowledgeImporter> logger)
{
    /// <summary>Fetches a page and imports it; a failure is recorded and returned, never thrown.</summary>
    public Task<ImportRecord> ImportUrlAsync(Uri address, CancellationToken cancellationToken) =>
        ImportAsync(address.ToString(), token => fetcher.FetchAsync(address, token), cancellationToken);

    /// <summary>Imports text already at hand.</summary>
    public Task<ImportRecord> ImportAsync(string source, ExtractedArticle article, CancellationToken cancellationToken) =>
        ImportAsync(source, _ => Task.FromResult(article), cancellationToken);

    /// <summary>Imports a document read some other way: a file, or an article from WeChat's API.</summary>
    /// <param name="read">Gets the document's title and text; what it throws is recorded as the import's failure.</param>
    public async Task<ImportRecord> ImportAsync(string source, Func<CancellationToken, Task<ExtractedArticle>> read, CancellationToken cancellationToken)
    {
        var started = await StartAsync(source, cancellationToken);
        try
        {
            return await FinishAsync(started, await read(cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await FailAsync(started, exception, cancellationToken);
        }
    }

    /// <summary>Records the import as running, so that <c>kb_stats</c> shows it while it lasts.</summary>
    private async Task<ImportRecord> StartAsync(string source, CancellationToken cancellationToken)
    {
        var import = new ImportRecord(KnowledgeDocument.IdOf(source), source.Trim(), ImportStatus.Running, "", timeProvider.GetUtcNow());
        await catalog.RecordImportAsync(import, cancellationToken);
        return import;
    }

    /// <summary>Records an import that failed before it had a document to import, such as a listing WeChat refused.</summary>
    public async Task RecordFailureAsync(string source, string problem, CancellationToken cancellationToken) =>
        await RecordAsync(await StartAsync(source, cancellationToken) with { Status = ImportStatus.Failed, Detail = problem }, cancellationToken);

    private async Task<ImportRecord> FinishAsync(ImportRecord started, ExtractedArticle article, CancellationToken cancellationToken)
    {
        var title = article.Title.Length > 0 ? article.Title : TitleFrom(started.Source);
        article = article with { Title = title };
        var hash = KnowledgeDocument.HashOf(article);
        var existing = await catalog.FindAsync(started.DocumentId, cancellationToken);
        if (existing?.ContentHash == hash)
        {
            return await RecordAsync(started with { Status = ImportStatus.Unchanged, Detail = $"《{title}》没有变化" }, cancellationToken);
        }

        var texts = chunker.Split(article.Text);
        if (texts.Count == 0)
        {
            throw new KnowledgeImportException("没有找到正文");
        }

        // The title goes with every chunk into the embedding, so that a passage is found by what its article is about.
        var (vectors, tokens) = await embedding.EmbedAsync([.. texts.Select(text => title + "\n" + text)], cancellationToken);
        var document = new KnowledgeDocument(started.DocumentId, title, started.Source, hash, texts.Count, tokens, timeProvider.GetUtcNow());
        var chunks = texts.Select((text, at) => new EmbeddedChunk(new KnowledgeChunk(document.Id, at, text), vectors[at])).ToList();
        await index.StoreAsync(document, chunks, existing?.Chunks ?? 0, cancellationToken);
        await catalog.SaveAsync(document, cancellationToken);
        KnowledgeLog.Imported(logger, document.Id, texts.Count, tokens);
        return await RecordAsync(
            started with { Status = existing is null ? ImportStatus.Added : ImportStatus.Updated, Detail = $"《{title}》{texts.Count} 段，{tokens} token" },
            cancellationToken);
    }

    private async Task<ImportRecord> FailAsync(ImportRecord started, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is KnowledgeImportException ? exception.Message : "存储暂时不可用：" + KnowledgeTexts.ProblemOf(exception);
        KnowledgeLog.ImportFailed(logger, started.DocumentId, problem);
        return await RecordAsync(started with { Status = ImportStatus.Failed, Detail = problem }, cancellationToken);
    }

    private async Task<ImportRecord> RecordAsync(ImportRecord import, CancellationToken cancellationToken)
    {
        await catalog.RecordImportAsync(import, cancellationToken);
        return import;
    }

    private static string TitleFrom(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var address) && address.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? address.Host
            : Path.GetFileNameWithoutExtension(source);
}
