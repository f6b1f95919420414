using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The usage rows in the follower table (<see cref="FollowerUsageRow"/>), changed under their ETags so that a change
/// another instance made first means reading again. The row the partition query read for a message, and the row as
/// this instance last wrote it, are kept for a while: charging the message and settling its answer then write without
/// reading, and the settlement goes into the transaction that finishes the claim.
/// </summary>
internal sealed class FollowerTableUsage(TableClientProvider tables) : IDisposable
{
    /// <summary>Each conflict means another change landed; a follower cannot send this many at the same instant.</summary>
    private const int MaxConflicts = 20;

    /// <summary>Long enough for a message's charge to follow its partition query; a read row says nothing after that.</summary>
    private static readonly TimeSpan ReadRowAge = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan WrittenRowAge = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>The follower's row as the partition query just read it, or <see langword="null"/> when it has none.</summary>
    public void Remember(string followerId, TableEntity? row) =>
        Keep(followerId, row is null ? FollowerUsageRow.Absent(followerId) : new FollowerUsageRow(row, exists: true), read: true);

    public async Task<bool> TryChangeAsync(string followerId, string day, Func<FollowerUsage, FollowerUsage?> change, bool followsOwnWrite, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        for (var conflicts = 0; ; conflicts++)
        {
            var known = Take(followerId, followsOwnWrite);
            var row = known?.Row ?? await ReadAsync(table, followerId, cancellationToken);
            var current = row.ToUsage(day);
            if (change(current) is not { } changed)
            {
                if (known is not null)
                {
                    // Decided on a row known from before, which a write since (even this instance's) may have changed:
                    // a change not made is only ever decided on the stored row.
                    conflicts--;
                    continue;
                }

                return false;
            }

            try
            {
                if (row.WriteAction(day, current, changed) is { } write)
                {
                    var response = await table.SubmitTransactionAsync([write], cancellationToken);
                    if (!row.Written(response.Value[0]))
                    {
                        return true;
                    }
                }

                Keep(followerId, row, read: false);
                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && conflicts < MaxConflicts)
            {
                // Another instance changed the usage first: read it again.
            }
        }
    }

    public async Task<FollowerUsage> GetAsync(string followerId, string day, CancellationToken cancellationToken) =>
        (await ReadAsync(await tables.GetAsync(FollowerTable.Name, cancellationToken), followerId, cancellationToken)).ToUsage(day);

    /// <summary>The write that settles a charge, to go into the transaction that finishes its claim.</summary>
    /// <param name="read">Read the row first: the one known was changed meanwhile.</param>
    public async Task<UsageWrite> SettlementAsync(ChargeSettlement settlement, bool read, CancellationToken cancellationToken)
    {
        var (followerId, day) = (settlement.Charge.FollowerId, settlement.Charge.Day);
        var row = (read ? null : Take(followerId, followsOwnWrite: true)?.Row)
            ?? await ReadAsync(await tables.GetAsync(FollowerTable.Name, cancellationToken), followerId, cancellationToken);
        var current = row.ToUsage(day);
        var action = settlement.ApplyTo(current) is { } settled ? row.WriteAction(day, current, settled) : null;
        return new UsageWrite(action, response =>
        {
            if (action is null || row.Written(response!))
            {
                Keep(followerId, row, read: false);
            }
        });
    }

    public void Dispose() => _known.Dispose();

    /// <summary>Takes the known row out, so that a failed write leaves nothing stale behind.</summary>
    private Known? Take(string followerId, bool followsOwnWrite)
    {
        if (!_known.TryGetValue(followerId, out Known? known))
        {
            return null;
        }

        _known.Remove(followerId);
        // A charge decides on a row just read: one this instance wrote may since have been changed by another.
        return followsOwnWrite || known!.Read ? known! with { Row = known.Row.Copy() } : null;
    }

    private void Keep(string followerId, FollowerUsageRow row, bool read) => _known.Set(
        followerId, new Known(row, read), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = read ? ReadRowAge : WrittenRowAge, Size = 1 });

    private static async Task<FollowerUsageRow> ReadAsync(TableClient table, string followerId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, FollowerUsageRow.Key, cancellationToken: cancellationToken);
        return found.HasValue ? new FollowerUsageRow(found.Value!, exists: true) : FollowerUsageRow.Absent(followerId);
    }

    private sealed record Known(FollowerUsageRow Row, bool Read);
}

/// <summary>A usage write for a transaction, if the settlement changes anything, and what to do once it landed.</summary>
internal sealed record UsageWrite(TableTransactionAction? Action, Action<Response?> Landed);
