using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatUsage</c> table, where the quota days before the follower table keep their usage
/// (<see cref="TableUsageLayout"/>), and the account's budget its rows: one partition per follower: a row per quota day (<c>yyyyMMdd</c>) with the questions
/// charged and the tokens used, and a row <c>recent</c> with the times of the latest questions. Both are read in one
/// query and written in one transaction guarded by their ETags, so a charge and its rate-limit entry land together
/// or not at all, and a conflicting write by another instance means reading again.
/// </summary>
/// <remarks>
/// The rows as this instance last wrote them are kept for <see cref="KnownRowsAge"/>, so that settling an answer
/// writes without reading first. The ETags keep that safe: rows another instance changed meanwhile fail the write,
/// and are read again. A charge always reads: a follower's next question may come to any instance, and writing
/// against rows another instance has changed since costs a failed call. A change that decides not to write (a
/// refusal) is only ever decided on rows just read.
/// </remarks>
internal sealed class LegacyUsageTable(TableClientProvider tables) : IDisposable
{
    public const string TableName = "WeChatUsage";

    public const string RecentQuestionsRow = "recent";

    /// <summary>Each conflict means another change landed; a follower cannot send this many at the same instant.</summary>
    private const int MaxConflicts = 20;

    private static readonly TimeSpan KnownRowsAge = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<bool> TryChangeAsync(string followerId, string day, Func<FollowerUsage, FollowerUsage?> change, bool followsOwnWrite, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var key = (followerId, day);
        for (var conflicts = 0; ; conflicts++)
        {
            var known = followsOwnWrite && _known.TryGetValue(key, out UsageRows? remembered) ? remembered!.Copy() : null;
            _known.Remove(key); // taken: a failed write leaves nothing stale behind
            var rows = known ?? await ReadAsync(table, followerId, day, cancellationToken);
            var current = rows.ToUsage();
            if (change(current) is not { } changed)
            {
                if (known is not null)
                {
                    conflicts--; // decided on remembered rows: decide again on stored ones
                    continue;
                }

                return false;
            }

            var writes = rows.WriteActions(current, changed);
            try
            {
                if (writes.Count == 0 || rows.Written(writes, (await table.SubmitTransactionAsync(writes, cancellationToken)).Value))
                {
                    _known.Set(key, rows, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KnownRowsAge, Size = 1 });
                }

                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && conflicts < MaxConflicts)
            {
                // Another instance changed the usage first: read it again.
            }
        }
    }

    public void Dispose() => _known.Dispose();

    public async Task<FollowerUsage> GetAsync(string followerId, string day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        return (await ReadAsync(table, followerId, day, cancellationToken)).ToUsage();
    }

    /// <summary>
    /// Reads the day rows of every follower in the range. It crosses partitions, but the cleanup keeps only the last
    /// 8 days of rows, so it reads about a week of active followers; only <c>get_stat</c> asks for it.
    /// </summary>
    public async Task<IReadOnlyList<FollowerSpend>> ReadSpendAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // Day keys are digits, so the "recent" rows sort after every day and fall outside the range.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {firstDay} and RowKey le {lastDay} and PartitionKey ne {TableAccountBudgetStore.Partition}");
        string[] columns = ["PartitionKey", nameof(FollowerUsage.PromptTokens), nameof(FollowerUsage.CompletionTokens)];
        var days = await table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken)
            .Select(row => new FollowerSpend(row.PartitionKey, row.GetInt64(nameof(FollowerUsage.PromptTokens)) ?? 0, row.GetInt64(nameof(FollowerUsage.CompletionTokens)) ?? 0))
            .ToListAsync(cancellationToken);
        return FollowerSpend.SumByFollower(days);
    }

    private static async Task<UsageRows> ReadAsync(TableClient table, string followerId, string day, CancellationToken cancellationToken)
    {
        TableEntity? dayRow = null, recentRow = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and (RowKey eq {day} or RowKey eq {RecentQuestionsRow})");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == RecentQuestionsRow)
            {
                recentRow = row;
            }
            else
            {
                dayRow = row;
            }
        }

        return new UsageRows(dayRow ?? new TableEntity(followerId, day), dayRow is not null, recentRow ?? new TableEntity(followerId, RecentQuestionsRow), recentRow is not null);
    }
}
