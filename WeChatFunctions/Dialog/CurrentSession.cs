namespace WeChatFunctions.Dialog;

/// <summary>
/// A conversation ends when the follower goes quiet for longer than <c>session_idle_minutes</c>: the next question
/// starts afresh. Applied when history is read, so it holds to the minute without waiting for a cleanup run.
/// </summary>
internal static class CurrentSession
{
    /// <returns>The newest turns up to the first silence longer than <paramref name="idleLimit"/>, newest first.</returns>
    public static IReadOnlyList<ConversationTurn> Of(IReadOnlyList<ConversationTurn> newestFirst, DateTimeOffset now, TimeSpan idleLimit)
    {
        var later = now;
        var kept = 0;
        while (kept < newestFirst.Count && later - newestFirst[kept].At <= idleLimit)
        {
            later = newestFirst[kept].At;
            kept++;
        }

        return kept == newestFirst.Count ? newestFirst : [.. newestFirst.Take(kept)];
    }
}
