using Azure.Data.Tables;
using WeChatFunctions.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// Counts the memory rows of the follower table, reading only their counts, and keeps the result in
/// the <c>WeChatStatistics</c> table: partition <c>memory</c>, which sorts apart from the day, active-follower and
/// spender partitions, so their queries never meet it.
/// </summary>
internal sealed class TableMemoryCensusStore(TableClientProvider tables) : IMemoryCensusStore
{
    private const string Partition = "memory";

    private const string Row = "census";

    public async Task<MemoryCensus> TakeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var preferences = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        // A property's name is not a value: CreateQueryFilter would quote it.
        var filter = TableClient.CreateQueryFilter($"RowKey eq {MemoryRow.Key}") + $" and {MemoryRow.CountProperty} gt 0";
        var (followers, facts) = (0L, 0L);
        await foreach (var row in preferences.QueryAsync<TableEntity>(filter, select: [MemoryRow.CountProperty], cancellationToken: cancellationToken))
        {
            followers++;
            facts += row.GetInt32(MemoryRow.CountProperty) ?? 0;
        }

        var census = new MemoryCensus(followers, facts, now);
        var statistics = await tables.GetAsync(TableStatisticsStore.TableName, cancellationToken);
        await statistics.UpsertEntityAsync(
            new TableEntity(Partition, Row) { [nameof(MemoryCensus.Followers)] = followers, [nameof(MemoryCensus.Facts)] = facts, [nameof(MemoryCensus.TakenAt)] = now },
            TableUpdateMode.Replace,
            cancellationToken);
        return census;
    }

    public async Task<MemoryCensus?> LatestAsync(CancellationToken cancellationToken)
    {
        var statistics = await tables.GetAsync(TableStatisticsStore.TableName, cancellationToken);
        var found = await statistics.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row
            ? new MemoryCensus(row.GetInt64(nameof(MemoryCensus.Followers)) ?? 0, row.GetInt64(nameof(MemoryCensus.Facts)) ?? 0, row.GetDateTimeOffset(nameof(MemoryCensus.TakenAt)) ?? DateTimeOffset.MinValue)
            : null;
    }
}
