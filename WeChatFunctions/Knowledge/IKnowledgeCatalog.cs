namespace WeChatFunctions.Knowledge;

/// <summary>The documents in the knowledge base and the latest imports, whichever index holds the chunks.</summary>
internal interface IKnowledgeCatalog
{
    Task<IReadOnlyList<KnowledgeDocument>> ListAsync(CancellationToken cancellationToken);

    Task<KnowledgeDocument?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the document's entry, and marks the catalog changed.</summary>
    Task SaveAsync(KnowledgeDocument document, CancellationToken cancellationToken);

    /// <summary>Removes the document's entry, and marks the catalog changed.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>A value that changes whenever a document is saved or deleted, read in one point read.</summary>
    Task<string> ReadVersionAsync(CancellationToken cancellationToken);

    /// <summary>Records an import's start or end; one row per source, the latest import's.</summary>
    Task RecordImportAsync(ImportRecord import, CancellationToken cancellationToken);

    /// <returns>The imports that started most recently, newest first.</returns>
    Task<IReadOnlyList<ImportRecord>> ListImportsAsync(int latest, CancellationToken cancellationToken);
}
