using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatStatistics</c> table. A day's figures are the sum of the rows in its partition (partition = day): one
/// per writing instance, each replaced with that instance's running totals, so no two instances write the same row.
/// Rows written by earlier versions, which added to shared shards, are summed the same way. Active followers are rows
/// in partition <c>active-{day}</c>, inserted once each.
/// </summary>
internal sealed class TableStatisticsStore(TableClientProvider tables) : IStatisticsStore
{
    public const string TableName = "WeChatStatistics";

    public const string ActivePrefix = "active-";

    private const string MarkIdProperty = "MarkId";

    public async Task SaveTotalsAsync(string day, string writer, DailyStatistics totals, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(day, writer);
        Write(row, totals);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // Names this insert, so that one whose response was lost, retried by the SDK, still counts as the first.
        var markId = Guid.NewGuid().ToString("N");
        try
        {
            await table.AddEntityAsync(new TableEntity(ActivePrefix + day, followerId) { [MarkIdProperty] = markId }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(ActivePrefix + day, followerId, select: [MarkIdProperty], cancellationToken: cancellationToken);
            return found.HasValue && found.Value!.GetString(MarkIdProperty) == markId;
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
