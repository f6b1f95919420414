namespace WeChatFunctions.Dialog;

/// <summary>Each follower's preferences, read by every instance at the start of every answer, with the facts remembered about them.</summary>
internal interface IPreferenceStore
{
    /// <summary>The preferences and the remembered facts, read together: one storage call, or none while recently read.</summary>
    Task<FollowerProfile> ReadAsync(string followerId, CancellationToken cancellationToken);

    /// <summary>The preferences alone, from the same read as <see cref="ReadAsync"/>.</summary>
    Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken);

    Task SaveAsync(string followerId, FollowerPreferences preferences, CancellationToken cancellationToken);
}
