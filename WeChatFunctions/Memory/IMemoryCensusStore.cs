namespace WeChatFunctions.Memory;

/// <summary>
/// The counts behind the dashboard's memory figures. Counting means reading every follower's memory row, so the
/// periodic cleanup counts once per run and keeps the result, and a page view reads that one row.
/// </summary>
internal interface IMemoryCensusStore
{
    /// <summary>Counts the followers with facts and their facts, and keeps the counts for <see cref="LatestAsync"/>.</summary>
    Task<MemoryCensus> TakeAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>The counts of the last <see cref="TakeAsync"/>, or <see langword="null"/> before the first.</returns>
    Task<MemoryCensus?> LatestAsync(CancellationToken cancellationToken);
}
