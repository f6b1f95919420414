namespace WeChatFunctions.Links;

/// <summary>Each follower's one shared link; a newer link replaces it.</summary>
internal interface ISharedLinkStore
{
    /// <summary>Keeps <paramref name="link"/> unless the follower's stored one was shared later: a late retry of an older link must not replace a newer one.</summary>
    Task SaveAsync(string followerId, SharedLink link, CancellationToken cancellationToken);

    Task<SharedLink?> FindAsync(string followerId, CancellationToken cancellationToken);
}
