using WeChatFunctions.Model;

namespace WeChatFunctions.Limits;

/// <summary>What a follower used on one quota day, and when they asked their most recent questions (for the rate limit).</summary>
internal sealed record FollowerUsage(int Questions, long PromptTokens, long CompletionTokens, IReadOnlyList<DateTimeOffset> RecentQuestions)
{
    public static readonly FollowerUsage None = new(0, 0, 0, []);

    public long Tokens => PromptTokens + CompletionTokens;

    public FollowerUsage Plus(TokenUsage usage) =>
        this with { PromptTokens = PromptTokens + usage.PromptTokens, CompletionTokens = CompletionTokens + usage.CompletionTokens };
}
