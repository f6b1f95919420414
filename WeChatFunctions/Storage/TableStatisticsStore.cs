using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatStatistics</c> table. A day's figures are spread over a few shard rows (partition = day) so that
/// instances adding at once rarely collide; each add is an ETag-guarded read-modify-write, retried on a collision,
/// so the sums are exact. Active followers are rows in partition <c>active-{day}</c>, inserted once each.
/// </summary>
internal sealed class TableStatisticsStore(TableClientProvider tables) : IStatisticsStore
{
    public const string TableName = "WeChatStatistics";

    public const string ActivePrefix = "active-";

    private const int Shards = 8;

    /// <summary>A burst of events races for eight shards; each conflict means another event landed, so this many is a storm.</summary>
    private const int MaxConflicts = 50;

    public async Task AddAsync(string day, DailyStatistics delta, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // After a collision, try again, likely on another shard. A give-up is logged by the recorder, and the day's
        // figures then miss this one event; with eight shards it takes a burst no account sends.
        await OptimisticRow.ChangeAsync(table, day, RandomShard, row => Write(row, ToStatistics(row) + delta), MaxConflicts, cancellationToken);
    }

    public async Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(ActivePrefix + day, followerId), cancellationToken);
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

    private static string RandomShard() => string.Create(CultureInfo.InvariantCulture, $"shard-{Random.Shared.Next(Shards)}");

    private static DailyStatistics ToStatistics(TableEntity row)
    {
        long Read(string name) => row.GetInt64(name) ?? 0;
        return new DailyStatistics(
            Messages: Read(nameof(DailyStatistics.Messages)),
            Answered: Read(nameof(DailyStatistics.Answered)),
            ActiveFollowers: Read(nameof(DailyStatistics.ActiveFollowers)),
            PromptTokens: Read(nameof(DailyStatistics.PromptTokens)),
            CompletionTokens: Read(nameof(DailyStatistics.CompletionTokens)),
            ModelErrors: Read(nameof(DailyStatistics.ModelErrors)),
            OverQuota: Read(nameof(DailyStatistics.OverQuota)),
            Subscriptions: Read(nameof(DailyStatistics.Subscriptions)),
            RateLimited: Read(nameof(DailyStatistics.RateLimited)),
            BlockedQuestions: Read(nameof(DailyStatistics.BlockedQuestions)),
            BlockedAnswers: Read(nameof(DailyStatistics.BlockedAnswers)));
    }

    private static void Write(TableEntity row, DailyStatistics sum)
    {
        row[nameof(DailyStatistics.Messages)] = sum.Messages;
        row[nameof(DailyStatistics.Answered)] = sum.Answered;
        row[nameof(DailyStatistics.ActiveFollowers)] = sum.ActiveFollowers;
        row[nameof(DailyStatistics.PromptTokens)] = sum.PromptTokens;
        row[nameof(DailyStatistics.CompletionTokens)] = sum.CompletionTokens;
        row[nameof(DailyStatistics.ModelErrors)] = sum.ModelErrors;
        row[nameof(DailyStatistics.OverQuota)] = sum.OverQuota;
        row[nameof(DailyStatistics.Subscriptions)] = sum.Subscriptions;
        row[nameof(DailyStatistics.RateLimited)] = sum.RateLimited;
        row[nameof(DailyStatistics.BlockedQuestions)] = sum.BlockedQuestions;
        row[nameof(DailyStatistics.BlockedAnswers)] = sum.BlockedAnswers;
    }
}
