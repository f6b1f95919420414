using Azure.Data.Tables;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Storage;

/// <summary>
/// The roll-ups in the <c>WeChatStatistics</c> table: partition <c>spenders</c>, a row per day (row key
/// <c>yyyyMMdd</c>) holding that day's top followers as JSON. The cleanup writes each finished day's row once, while
/// the day's followers are still kept by OpenID (<see cref="SpendHistory"/>), and deletes rows past
/// <see cref="ISpenderRollUpStore.KeptDays"/>.
/// </summary>
internal sealed class TableSpenderRollUpStore(TableClientProvider tables, SpendHistory spendHistory, QuotaDays days) : ISpenderRollUpStore
{
    /// <summary>Sorts after the day partitions and the active-follower partitions, so their queries never meet it.</summary>
    public const string Partition = "spenders";

    private const string TopProperty = "Top";

    /// <summary>Finished days before the cutoff whose followers the cleanup has surely not dropped yet (they are kept 8 days).</summary>
    private const int DaysBeforeCutoff = 4;

    public async Task<IReadOnlyList<FollowerSpend>> ReadAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableStatisticsStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {firstDay} and RowKey le {lastDay}");
        var days = await table.QueryAsync<TableEntity>(filter, select: [TopProperty], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return FollowerSpend.SumByFollower(days.SelectMany(day => FollowerSpendJson.Read(day.GetString(TopProperty))));
    }

    /// <summary>Rolls up the finished days before <paramref name="cutoff"/> that have no roll-up yet, and deletes those past their time.</summary>
    /// <returns>How many rows were written and deleted.</returns>
    public async Task<int> RollUpAsync(ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableStatisticsStore.TableName, cancellationToken);
        var finished = Enumerable.Range(1, DaysBeforeCutoff).Select(back => days.DayOf(cutoff.At.AddDays(-back))).Where(day => string.CompareOrdinal(day, cutoff.Day) < 0).Distinct().ToList();
        var rolledUp = await table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {finished.Min()} and RowKey le {finished.Max()}"), select: ["RowKey"], cancellationToken: cancellationToken)
            .Select(row => row.RowKey)
            .ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var written = 0;
        foreach (var day in finished.Where(day => !rolledUp.Contains(day)))
        {
            await SaveAsync(table, day, await spendHistory.ReadAsync(day, day, cancellationToken), cancellationToken);
            written++;
        }

        var expired = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {days.DayOf(cutoff.At.AddDays(-ISpenderRollUpStore.KeptDays))}");
        return written + await TableRows.DeleteAsync(table, expired, maxRows, cancellationToken);
    }

    /// <summary>Writes <paramref name="day"/>'s roll-up of <paramref name="spenders"/>: the top ones, masked.</summary>
    public async Task SaveAsync(string day, IEnumerable<FollowerSpend> spenders, CancellationToken cancellationToken) =>
        await SaveAsync(await tables.GetAsync(TableStatisticsStore.TableName, cancellationToken), day, spenders, cancellationToken);

    private static async Task SaveAsync(TableClient table, string day, IEnumerable<FollowerSpend> spenders, CancellationToken cancellationToken)
    {
        var top = FollowerSpend.MostTokens(spenders, ISpenderRollUpStore.FollowersPerDay).Select(spend => spend with { FollowerId = MaskedFollower.Of(spend.FollowerId) });
        await table.UpsertEntityAsync(new TableEntity(Partition, day) { [TopProperty] = FollowerSpendJson.Write(top) }, TableUpdateMode.Replace, cancellationToken);
    }
}
