namespace WeChatFunctions.Conversations;

/// <summary>Questions charged per follower per day, exact when several instances charge the same follower at once.</summary>
internal interface IUsageStore
{
    /// <summary>Charges one question unless the follower has used <paramref name="limit"/> already (0: no limit).</summary>
    /// <returns>Whether the question was charged.</returns>
    Task<bool> TryChargeAsync(string followerId, string day, int limit, CancellationToken cancellationToken);

    /// <summary>Gives back a charge for a question that got no answer.</summary>
    Task RefundAsync(string followerId, string day, CancellationToken cancellationToken);

    Task<int> QuestionsAsync(string followerId, string day, CancellationToken cancellationToken);
}
