namespace WeChatFunctions.Cleanup;

/// <summary>Removes data past its use, a bounded batch per call so that each call stays short.</summary>
internal interface IExpiredDataStore
{
    /// <summary>Deletes up to <paramref name="maxRows"/> rows of <paramref name="kind"/> that expired before <paramref name="cutoff"/>.</summary>
    /// <returns>How many were deleted; fewer than <paramref name="maxRows"/> means none are left.</returns>
    Task<int> DeleteAsync(ExpiredData kind, ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken);
}
