namespace WeChatFunctions.Images;

/// <summary>Each follower's one pending image; a newer image replaces it.</summary>
internal interface IPendingImageStore
{
    Task SaveAsync(string followerId, PendingImage image, CancellationToken cancellationToken);

    Task<PendingImage?> FindAsync(string followerId, CancellationToken cancellationToken);

    Task DeleteAsync(string followerId, CancellationToken cancellationToken);
}
