namespace WeChatFunctions.Knowledge;

/// <summary>The embedded store's storage: each chunk's text in Table Storage, each document's vectors in one blob.</summary>
internal interface IKnowledgeChunkStore
{
    Task SaveAsync(string documentId, IReadOnlyList<EmbeddedChunk> chunks, int previousChunks, CancellationToken cancellationToken);

    /// <returns>The document's vectors in chunk order, or an empty list when it has none stored.</returns>
    Task<IReadOnlyList<float[]>> ReadVectorsAsync(string documentId, CancellationToken cancellationToken);

    /// <returns>The texts of the chunks asked for, in the same order; a chunk that is gone reads as empty.</returns>
    Task<IReadOnlyList<string>> ReadTextsAsync(IReadOnlyList<(string DocumentId, int Index)> chunks, CancellationToken cancellationToken);

    Task DeleteAsync(string documentId, int chunks, CancellationToken cancellationToken);
}
