namespace WeChatFunctions.Model;

/// <summary>The tokens one answer cost, as the API reported them.</summary>
/// <param name="EmbeddingTokens">What finding the knowledge base's passages for the question cost; the account's budget counts them, the follower's quota does not.</param>
internal sealed record TokenUsage(long PromptTokens, long CompletionTokens, long EmbeddingTokens = 0)
{
    public static readonly TokenUsage None = new(0, 0);

    public long Total => PromptTokens + CompletionTokens + EmbeddingTokens;
}
