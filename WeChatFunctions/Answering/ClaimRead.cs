namespace WeChatFunctions.Answering;

/// <summary>A claim as read from storage, and when by this instance's clock the read started.</summary>
internal sealed record ClaimRead(ReplyClaim Claim, DateTimeOffset StartedAt);
