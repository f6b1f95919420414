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

    /// <summary>Each conflict means an earlier write of this writer landed late; there are only ever a few in flight.</summary>
    private const int MaxVersionConflicts = 5;

    /// <summary>A finished day's figures, folded from its writers' rows by the cleanup.</summary>
    private const string TotalRow = "total";

    /// <summary>One entity-group transaction holds 100 actions: the total and 99 rows folded into it.</summary>
    private const int RowsPerFold = 99;

    public async Task<string> SaveTotalsAsync(string day, string writer, DailyStatistics totals, string? version, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(day, writer);
        StatisticsRow.Write(row, totals);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = version is null
                    ? await table.AddEntityAsync(row, cancellationToken)
                    : await table.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken);
                return written.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
            }
            catch (RequestFailedException moved) when (moved.Status is 409 or 412 or 404 && attempt < MaxVersionConflicts)
            {
                // Only this writer writes the row, so a write of its own landed: this one, its response lost, or an
                // earlier one given up on. These totals are the newest, so they go over whatever else landed.
                var found = await table.GetEntityIfExistsAsync<TableEntity>(day, writer, cancellationToken: cancellationToken);
                // Compared as written: a row keeps only the top followers and the most used names.
                if (found.HasValue && StatisticsRow.Read(found.Value!) == StatisticsRow.Read(row))
                {
                    return found.Value!.ETag.ToString();
                }

                version = found.HasValue ? found.Value!.ETag.ToString() : null;
            }
        }
    }

    /// <summary>
    /// Folds the rows of each day before <paramref name="beforeDay"/> into that day's <c>total</c> row. Each fold is one
    /// transaction, guarded by the ETags read: the total and the rows it absorbs change together or not at all.
    /// </summary>
    /// <returns>How many rows were folded; fewer than <paramref name="maxRows"/> means none are left.</returns>
    public async Task<int> FoldWriterRowsAsync(string beforeDay, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // Day partitions are digits; the active-follower partitions sort after them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {beforeDay} and RowKey ne {TotalRow}");
        var folded = 0;
        var rows = await table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRows, 1000), cancellationToken: cancellationToken).Take(maxRows).ToListAsync(cancellationToken);
        foreach (var fold in rows.GroupBy(row => row.PartitionKey).SelectMany(day => day.Chunk(RowsPerFold)))
        {
            var day = fold[0].PartitionKey;
            var found = await table.GetEntityIfExistsAsync<TableEntity>(day, TotalRow, cancellationToken: cancellationToken);
            var total = found.HasValue ? found.Value! : new TableEntity(day, TotalRow);
            var sum = fold.Aggregate(StatisticsRow.Read(total), (figures, row) => figures + StatisticsRow.Read(row));
            StatisticsRow.Write(total, sum);
            List<TableTransactionAction> actions =
            [
                found.HasValue ? new(TableTransactionActionType.UpdateReplace, total, total.ETag) : new(TableTransactionActionType.Add, total),
                .. fold.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                folded += fold.Length;
            }
            catch (TableTransactionFailedException changed) when (changed.Status is 404 or 409 or 412)
            {
                // Another cleanup folded them first, or a writer was still writing: the next run tries again.
            }
        }

        return folded;
    }

    /// <summary>
    /// Drops the followers' tokens from the rows of each day before <paramref name="beforeDay"/>: their OpenIDs are kept
    /// as long as usage rows were, for the week <c>get_stat</c> ranks and the day's roll-up, which keeps them masked.
    /// Each row is replaced against the ETag read, so a fold meanwhile is not undone.
    /// </summary>
    /// <returns>How many rows were changed; fewer than <paramref name="maxRows"/> means none are left.</returns>
    public async Task<int> ForgetFollowersAsync(string beforeDay, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // A row without the property does not match a comparison with it, so rows already done are not read again.
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey lt {beforeDay}")} and {StatisticsRow.FollowerTokensProperty} gt ''";
        var changed = 0;
        foreach (var row in await table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRows, 1000), cancellationToken: cancellationToken).Take(maxRows).ToListAsync(cancellationToken))
        {
            row.Remove(StatisticsRow.FollowerTokensProperty);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                changed++;
            }
            catch (RequestFailedException folded) when (folded.Status is 404 or 412)
            {
                // Folded meanwhile: the next run finds the total.
            }
        }

        return changed;
    }

    public async Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // Names this insert, so that one whose response was lost, retried by the SDK, still counts as the first.
        var markId = Guid.NewGuid().ToString("N");
        if (await TableRows.TryAddAsync(table, new TableEntity(ActivePrefix + day, followerId) { [MarkIdProperty] = markId }, cancellationToken))
        {
            return true;
        }

        var found = await table.GetEntityIfExistsAsync<TableEntity>(ActivePrefix + day, followerId, select: [MarkIdProperty], cancellationToken: cancellationToken);
        return found.HasValue && found.Value!.GetString(MarkIdProperty) == markId;
    }

    public async Task<IReadOnlyDictionary<string, DailyStatistics>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var days = new Dictionary<string, DailyStatistics>(StringComparer.Ordinal);
        // Day partitions are digits; the active-follower partitions sort after them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {"a"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days[row.PartitionKey] = days.GetValueOrDefault(row.PartitionKey, DailyStatistics.Zero) + StatisticsRow.Read(row);
        }

        return days;
    }

    public async Task<FollowerTokens> ReadFollowerTokensAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {firstDay} and PartitionKey le {lastDay}");
        var tokens = FollowerTokens.None;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [StatisticsRow.FollowerTokensProperty], cancellationToken: cancellationToken))
        {
            tokens += StatisticsRow.ReadFollowerTokens(row);
        }

        return tokens;
    }
}
