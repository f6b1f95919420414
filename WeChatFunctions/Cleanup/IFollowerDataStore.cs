namespace WeChatFunctions.Cleanup;

/// <summary>What is kept of one follower's conversation, all of which goes when they unfollow, as WeChat's rules ask.</summary>
internal interface IFollowerDataStore
{
    /// <summary>Deletes the history, the message claims with their answers, the reading position, the preferences, the remembered facts, the pending image and the shared link.</summary>
    /// <param name="keepMessageId">The claim of the unsubscribe itself, kept so that its retries are recognised as such.</param>
    Task ForgetAsync(string followerId, string keepMessageId, CancellationToken cancellationToken);
}
