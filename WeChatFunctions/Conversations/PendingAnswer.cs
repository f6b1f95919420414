namespace WeChatFunctions.Conversations;

/// <summary>An answer the follower has not read to the end: which message it answers, and how far they have read.</summary>
internal sealed record PendingAnswer(string MessageId, int Offset);
