namespace WeChatFunctions.Conversations;

public enum ConversationRole
{
    User,
    Assistant,
}

/// <summary>One stored turn of a follower's conversation, with its token count cached at write time.</summary>
public sealed record ConversationTurn(ConversationRole Role, string Content, int TokenCount);
