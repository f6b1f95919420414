using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Turns texts into vectors with <c>knowledge_embedding_model</c>, through the same OpenAI-compatible endpoint and
/// credentials as the chat model, at <c>knowledge_embedding_dimensions</c>. Vectors are scaled to length 1, as the
/// cosine similarity the stores rank by assumes, since not every compatible server does.
/// </summary>
internal sealed class KnowledgeEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, TokenCounter tokenCounter, IOptions<KnowledgeOptions> options)
{
    /// <summary>Inputs per request: far below OpenAI's 2,048 inputs and 300,000 tokens, and small enough to retry cheaply.</summary>
    private const int BatchSize = 32;

    /// <returns>One vector per text, in order, and the tokens the requests cost (counted here when the server does not say).</returns>
    public async Task<(IReadOnlyList<float[]> Vectors, long Tokens)> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        long tokens = 0;
        var requestOptions = new EmbeddingGenerationOptions { Dimensions = options.Value.EmbeddingDimensions > 0 ? options.Value.EmbeddingDimensions : null };
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch, requestOptions, cancellationToken);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding API returned {embeddings.Count} vectors for {batch.Length} inputs.");
            }

            vectors.AddRange(embeddings.Select(embedding => Normalized(embedding.Vector.Span)));
            tokens += embeddings.Usage?.InputTokenCount ?? batch.Sum(tokenCounter.CountText);
        }

        return (vectors, tokens);
    }

    /// <summary>An estimate before the call, to hold that much of the day's token budget.</summary>
    public long EstimateTokens(IEnumerable<string> texts) => texts.Sum(text => (long)tokenCounter.CountText(text));

    private static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var length = TensorPrimitives.Norm(vector);
        var normalized = vector.ToArray();
        if (length > 0)
        {
            TensorPrimitives.Divide(normalized, length, normalized);
        }

        return normalized;
    }
}
