namespace WeChatFunctions.Dialog;

/// <summary>An answered question as the follower's next two turns of history, stored together or not at all.</summary>
internal sealed record RememberedExchange(ConversationTurn Question, ConversationTurn Answer);
