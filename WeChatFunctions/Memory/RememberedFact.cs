namespace WeChatFunctions.Memory;

/// <summary>
/// A short fact about a follower that the model stored with the <c>remember</c> tool, such as 对花生过敏. The model
/// wrote it from what the follower said, so it is untrusted text: it reaches the model only as quoted material.
/// </summary>
/// <param name="At">When it was remembered.</param>
internal sealed record RememberedFact(string Text, DateTimeOffset At);
