namespace WeChatFunctions.Model;

/// <summary>The tokens one answer cost, as the API reported them.</summary>
internal sealed record TokenUsage(long PromptTokens, long CompletionTokens)
{
    public static readonly TokenUsage None = new(0, 0);
}
