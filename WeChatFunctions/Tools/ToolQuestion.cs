namespace WeChatFunctions.Tools;

/// <summary>The question tools run for: the follower, the message and the reply claim's generation answering it.</summary>
/// <param name="FirstArrival">When the message first arrived; its records expire with its claim.</param>
/// <param name="Generation">0 for the claim's first owner; an instance that takes over has a higher one and replays the records.</param>
internal sealed record ToolQuestion(string FollowerId, string MessageId, DateTimeOffset FirstArrival, int Generation)
{
    /// <summary>Only an instance that took the question over can find calls recorded before it began.</summary>
    public bool MayHaveRecords => Generation > 0;
}
