using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Conversations;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatStatistics</c> table. A day's figures are spread over a few shard rows (partition = day) so that
/// instances adding at once rarely collide; each add is an ETag-guarded read-modify-write, retried on a collision,
/// so the sums are exact. Active followers are rows in partition <c>active-{day}</c>, inserted once each.
/// </summary>
internal sealed class TableStatisticsStore(TableClientProvider tables) : IStatisticsStore
{
    public const string TableName = "WeChatStatistics";

    private const int Shards = 8;

    private static readonly string[] Counters =
    [
        nameof(DailyStatistics.Messages), nameof(DailyStatistics.Answered), nameof(DailyStatistics.ActiveFollowers),
        nameof(DailyStatistics.PromptTokens), nameof(DailyStatistics.CompletionTokens), nameof(DailyStatistics.ModelErrors),
        nameof(DailyStatistics.OverQuota), nameof(DailyStatistics.Subscriptions),
    ];

    public async Task AddAsync(string day, DailyStatistics delta, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        while (true)
        {
            var shard = string.Create(CultureInfo.InvariantCulture, $"shard-{Random.Shared.Next(Shards)}");
            var found = await table.GetEntityIfExistsAsync<TableEntity>(day, shard, cancellationToken: cancellationToken);
            var row = found.HasValue ? found.Value! : new TableEntity(day, shard);
            var sum = ToStatistics(row) + delta;
            Write(row, sum);
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException collision) when (collision.Status is 409 or 412)
            {
                // Another instance added to this shard first; try again, likely on another shard.
            }
        }
    }

    public async Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity($"active-{day}", followerId), cancellationToken);
            return true;
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, DailyStatistics>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var days = new Dictionary<string, DailyStatistics>(StringComparer.Ordinal);
        // Day partitions are digits; the active-follower partitions sort after them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {"a"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days[row.PartitionKey] = days.GetValueOrDefault(row.PartitionKey, DailyStatistics.Zero) + ToStatistics(row);
        }

        return days;
    }

    private static DailyStatistics ToStatistics(TableEntity row)
    {
        long Read(string name) => row.GetInt64(name) ?? 0;
        return new DailyStatistics(
            Read(Counters[0]), Read(Counters[1]), Read(Counters[2]), Read(Counters[3]), Read(Counters[4]), Read(Counters[5]), Read(Counters[6]), Read(Counters[7]));
    }

    private static void Write(TableEntity row, DailyStatistics sum)
    {
        long[] values = [sum.Messages, sum.Answered, sum.ActiveFollowers, sum.PromptTokens, sum.CompletionTokens, sum.ModelErrors, sum.OverQuota, sum.Subscriptions];
        for (var index = 0; index < Counters.Length; index++)
        {
            row[Counters[index]] = values[index];
        }
    }
}
