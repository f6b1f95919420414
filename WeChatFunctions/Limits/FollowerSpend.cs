namespace WeChatFunctions.Limits;

/// <summary>The tokens one follower used over some days.</summary>
internal sealed record FollowerSpend(string FollowerId, long PromptTokens, long CompletionTokens);
