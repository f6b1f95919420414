using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// The tables a follower's turns, preferences, facts, shared link and pending image lived in before the follower table
/// (<see cref="FollowerTable"/>). A follower's rows there are moved the first time this version touches the follower,
/// and by the cleanup's sweep (<see cref="FollowerMove.SweepAsync"/>), which deletes them once moved. Whether the old
/// tables still hold anything is checked once a minute; once they are empty, no follower costs a call for it.
/// </summary>
internal sealed class LegacyFollowerTables(TableClientProvider tables, FollowerMove move, TimeProvider timeProvider) : IDisposable
{
    /// <summary>How long this instance trusts what it saw of the old tables: an instance of the version before may still write there.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);

    /// <summary>Followers this instance knows to be moved; past this many, some are asked about again (one point read each).</summary>
    private const int MaxKnownMoved = 50_000;

    private readonly MemoryCache _moved = new(new MemoryCacheOptions { SizeLimit = MaxKnownMoved });
    private readonly Lock _lock = new();
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _mayHoldRows = true;

    /// <summary>Records that the follower's partition was read with its <see cref="FollowerTable.MovedRow"/>.</summary>
    public void NoteMoved(string followerId) => _moved.Set(followerId, true, new MemoryCacheEntryOptions { Size = 1 });

    /// <summary>Moves the follower's old rows unless a read of their partition found them moved or there are none.</summary>
    /// <param name="movedRowSeen">Whether the caller's read of the partition found <see cref="FollowerTable.MovedRow"/>.</param>
    /// <returns>Whether rows were moved just now, so that what the caller read of the partition lacks them.</returns>
    public async Task<bool> MoveUnlessSeenAsync(string followerId, bool movedRowSeen, CancellationToken cancellationToken)
    {
        if (movedRowSeen)
        {
            NoteMoved(followerId);
            return false;
        }

        if (_moved.TryGetValue(followerId, out _) || !await MayHoldRowsAsync(cancellationToken))
        {
            return false;
        }

        var moved = await move.MoveAsync(followerId, deleteMoved: false, cancellationToken);
        NoteMoved(followerId);
        return moved > 0;
    }

    /// <summary>For a store about to read or change the follower's rows without the partition read: one point read, until known.</summary>
    public async Task EnsureMovedAsync(string followerId, CancellationToken cancellationToken)
    {
        if (_moved.TryGetValue(followerId, out _) || !await MayHoldRowsAsync(cancellationToken))
        {
            return;
        }

        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(followerId, FollowerTable.MovedRow, select: ["RowKey"], cancellationToken: cancellationToken);
        await MoveUnlessSeenAsync(followerId, marker.HasValue, cancellationToken);
    }

    private async Task<bool> MayHoldRowsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (now - _checkedAt < RecheckAfter)
            {
                return _mayHoldRows;
            }
        }

        var mayHoldRows = await move.AnyLegacyRowAsync(cancellationToken);
        lock (_lock)
        {
            (_checkedAt, _mayHoldRows) = (now, mayHoldRows);
        }

        return mayHoldRows;
    }

    public void Dispose() => _moved.Dispose();
}
