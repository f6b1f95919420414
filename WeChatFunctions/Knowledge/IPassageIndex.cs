namespace WeChatFunctions.Knowledge;

/// <summary>Where the chunks and their vectors are kept and searched: the app's own storage, or Azure AI Search.</summary>
internal interface IPassageIndex
{
    /// <summary>Stores the document's chunks, replacing any it had.</summary>
    /// <param name="previousChunks">How many chunks an earlier version of the document had, to remove those now gone.</param>
    Task StoreAsync(KnowledgeDocument document, IReadOnlyList<EmbeddedChunk> chunks, int previousChunks, CancellationToken cancellationToken);

    Task RemoveAsync(KnowledgeDocument document, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> passages closest to the question, best first, with their cosine similarity.</summary>
    Task<IReadOnlyList<KnowledgePassage>> SearchAsync(string question, ReadOnlyMemory<float> vector, int top, CancellationToken cancellationToken);

    /// <summary>One line for <c>kb_stats</c>: where the index lives and what it holds.</summary>
    string Describe();
}
