namespace WeChatFunctions.Dialog;

/// <summary>
/// Collects a follower's turns newest first, as a read of their partition returns them, while they may still go into
/// a prompt: up to the session's start (a reset, or a silence longer than <c>session_idle_minutes</c>, as
/// <see cref="CurrentSession"/> has it) and at most <c>max_context_tokens</c> worth.
/// </summary>
internal sealed class SessionTurns(DateTimeOffset now, TimeSpan idleLimit, int maxTokens)
{
    private readonly List<ConversationTurn> _turns = [];
    private DateTimeOffset _later = now;
    private int _spent;

    public IReadOnlyList<ConversationTurn> Turns => _turns;

    /// <returns>Whether the turn was taken, so that older turns may be too.</returns>
    public bool TryAdd(ConversationTurn turn)
    {
        if (turn.Role == ConversationRole.SessionStart || _later - turn.At > idleLimit || _spent + turn.TokenCount > maxTokens)
        {
            return false;
        }

        _turns.Add(turn);
        (_later, _spent) = (turn.At, _spent + turn.TokenCount);
        return true;
    }
}
