namespace WeChatFunctions.Paging;

/// <summary>
/// Where a follower is in their unread answers, newest first. It also remembers the last message that moved it and
/// what was pending before, so that a retry of that message computes the same reply instead of moving on again.
/// </summary>
internal sealed record ReadingPosition(string? LastMessageId, IReadOnlyList<PendingAnswer> Before, IReadOnlyList<PendingAnswer> After, string? Version)
{
    /// <summary>Few followers come back for more than the last few answers.</summary>
    public const int MaxPending = 3;

    /// <summary>Save conflicts come from the follower's own messages racing; a handful of tries always settles them.</summary>
    public const int MaxSaveConflicts = 8;

    public static readonly ReadingPosition Empty = new(null, [], [], null);

    /// <summary>What was pending when <paramref name="messageId"/> first arrived.</summary>
    public IReadOnlyList<PendingAnswer> PendingBefore(string messageId) => messageId == LastMessageId ? Before : After;

    /// <summary>The position after <paramref name="messageId"/> changed the pending answers from <paramref name="before"/>.</summary>
    public ReadingPosition MovedBy(string messageId, IReadOnlyList<PendingAnswer> before, IEnumerable<PendingAnswer> after) =>
        this with { LastMessageId = messageId, Before = before, After = [.. after.Take(MaxPending)] };

    /// <summary>
    /// Whether storing <paramref name="next"/> changes what a later message or a retry would see. When the pending
    /// answers stay the same, a retry that finds another last message starts from those same answers anyway.
    /// </summary>
    public bool DiffersFrom(ReadingPosition next) => !After.SequenceEqual(next.After);
}
