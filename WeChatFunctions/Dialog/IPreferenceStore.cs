namespace WeChatFunctions.Dialog;

/// <summary>Each follower's preferences, read by every instance at the start of every answer.</summary>
internal interface IPreferenceStore
{
    Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken);

    Task SaveAsync(string followerId, FollowerPreferences preferences, CancellationToken cancellationToken);
}
