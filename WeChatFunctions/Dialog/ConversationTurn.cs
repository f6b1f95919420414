namespace WeChatFunctions.Dialog;

public enum ConversationRole
{
    User,
    Assistant,

    /// <summary>Not a message: the follower's conversation starts afresh here (an admin's reset_session, /reset).</summary>
    SessionStart,
}

/// <summary>One stored turn of a follower's conversation, with its token count cached at write time.</summary>
/// <param name="At">When it was stored; <see langword="default"/> for a turn not stored yet.</param>
public sealed record ConversationTurn(ConversationRole Role, string Content, int TokenCount, DateTimeOffset At = default);
