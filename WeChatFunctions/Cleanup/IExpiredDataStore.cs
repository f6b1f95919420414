namespace WeChatFunctions.Cleanup;

/// <summary>Removes data past its use, a bounded batch per call so that one cleanup run stays short.</summary>
internal interface IExpiredDataStore
{
    /// <returns>How many claims and their pages were deleted.</returns>
    Task<int> DeleteClaimsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken);

    /// <returns>How many conversation turns were deleted.</returns>
    Task<int> DeleteTurnsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken);

    /// <returns>How many push fingerprints of the replay check were deleted.</returns>
    Task<int> DeletePushesBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken);

    /// <summary>The per-follower daily usage rows of days before <paramref name="firstDayKept"/> (<c>yyyyMMdd</c>).</summary>
    /// <returns>How many rows were deleted.</returns>
    Task<int> DeleteFollowerUsageBeforeAsync(string firstDayKept, int maxRows, CancellationToken cancellationToken);
}
