namespace WeChatFunctions.Paging;

/// <summary>Each follower's <see cref="ReadingPosition"/>, shared by every instance.</summary>
internal interface IReadingPositionStore
{
    /// <returns>The follower's position, or <see cref="ReadingPosition.Empty"/>.</returns>
    Task<ReadingPosition> ReadAsync(string followerId, CancellationToken cancellationToken);

    /// <summary>Saves the position if the stored one is still at <see cref="ReadingPosition.Version"/>.</summary>
    /// <returns><see langword="false"/> when another message moved it first.</returns>
    Task<bool> TrySaveAsync(string followerId, ReadingPosition position, CancellationToken cancellationToken);
}
