namespace WeChatFunctions.Limits;

/// <summary>The tokens one follower used over some days.</summary>
internal sealed record FollowerSpend(string FollowerId, long PromptTokens, long CompletionTokens)
{
    public long Tokens => PromptTokens + CompletionTokens;

    /// <summary>Each follower's spends, over several days or from several sources, added up into one.</summary>
    public static IReadOnlyList<FollowerSpend> SumByFollower(IEnumerable<FollowerSpend> spends) =>
    [
        .. spends.GroupBy(spend => spend.FollowerId, StringComparer.Ordinal)
            .Select(follower => new FollowerSpend(follower.Key, follower.Sum(spend => spend.PromptTokens), follower.Sum(spend => spend.CompletionTokens))),
    ];

    /// <summary>The <paramref name="count"/> followers who used most tokens, ties in OpenID order: the ranking the dashboard shows and each day's roll-up keeps.</summary>
    public static IEnumerable<FollowerSpend> MostTokens(IEnumerable<FollowerSpend> spends, int count) =>
        spends.OrderByDescending(spend => spend.Tokens).ThenBy(spend => spend.FollowerId, StringComparer.Ordinal).Take(count);
}
