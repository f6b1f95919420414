namespace WeChatFunctions.Knowledge;

/// <summary>A passage of a document, about 500 tokens, with its vector once embedded.</summary>
internal sealed record KnowledgeChunk(string DocumentId, int Index, string Text)
{
    public string Key => $"{DocumentId}-{Index}";
}

/// <summary>A chunk and the vector the embedding model gave its text.</summary>
internal sealed record EmbeddedChunk(KnowledgeChunk Chunk, ReadOnlyMemory<float> Vector);

/// <summary>A chunk found for a question, with its document's title and source and how close it came (cosine, 0 to 1).</summary>
internal sealed record KnowledgePassage(KnowledgeChunk Chunk, string Title, string Source, double Score);
