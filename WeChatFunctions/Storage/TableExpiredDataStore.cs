using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Cleanup;

namespace WeChatFunctions.Storage;

/// <summary>
/// Finds expired rows by a key or property the app wrote where one exists, else by the storage Timestamp of rows that
/// are rewritten on every use, and deletes them through <see cref="TableRows"/>.
/// </summary>
internal sealed class TableExpiredDataStore(
    TableClientProvider tables, TablePendingImageStore images, TableStatisticsStore statistics, TableSpenderRollUpStore spenders, FollowerMove legacyRows) : IExpiredDataStore
{
    public Task<int> DeleteAsync(ExpiredData kind, ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken) => kind switch
    {
        ExpiredData.Claims => DeleteAsync(TableReplyClaimStore.TableName, TableClient.CreateQueryFilter($"FirstArrival lt {cutoff.At}"), maxRows, cancellationToken),
        ExpiredData.Turns => DeleteAsync(FollowerTable.Name, TableClient.CreateQueryFilter($"RowKey gt {ConversationTurnEntity.NewestFirstKey(cutoff.At)} and RowKey lt {ConversationTurnEntity.KeysEnd}"), maxRows, cancellationToken),
        ExpiredData.Pushes => DeleteAsync(TablePushLedger.TableName, TableClient.CreateQueryFilter($"FirstArrival lt {cutoff.At}"), maxRows, cancellationToken),
        // Day rows only: their keys are digits, and the rate limit's "recent" row sorts after every day.
        ExpiredData.FollowerUsage => DeleteAsync(LegacyUsageTable.TableName, TableClient.CreateQueryFilter($"RowKey lt {cutoff.Day}"), maxRows, cancellationToken),
        ExpiredData.RecentQuestions => DeleteQuietUsageAsync(cutoff, maxRows, cancellationToken),
        ExpiredData.ActiveMarks => DeleteAsync(TableStatisticsStore.TableName, TableClient.CreateQueryFilter($"PartitionKey ge {TableStatisticsStore.ActivePrefix} and PartitionKey lt {TableStatisticsStore.ActivePrefix + cutoff.Day}"), maxRows, cancellationToken),
        ExpiredData.PendingImages => images.DeleteReceivedBeforeAsync(cutoff.At, maxRows, cancellationToken),
        ExpiredData.SharedLinks => DeleteAsync(FollowerTable.Name, TableClient.CreateQueryFilter($"RowKey eq {SharedLinkEntity.Row} and SharedAt lt {cutoff.At}"), maxRows, cancellationToken),
        ExpiredData.Audit => DeleteAsync(TableAuditStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {TableAuditStore.Partition} and RowKey gt {TableAuditStore.NewestFirstKey(cutoff.At)}"), maxRows, cancellationToken),
        ExpiredData.FollowerState => DeleteFollowerStateAsync(cutoff, maxRows, cancellationToken),
        ExpiredData.QuietPreferences => DeleteQuietPreferencesAsync(cutoff, maxRows, cancellationToken),
        ExpiredData.StatisticsWriterRows => statistics.FoldWriterRowsAsync(cutoff.Day, maxRows, cancellationToken),
        ExpiredData.SpenderRollUps => spenders.RollUpAsync(cutoff, maxRows, cancellationToken),
        ExpiredData.StatisticsFollowers => statistics.ForgetFollowersAsync(cutoff.Day, maxRows, cancellationToken),
        ExpiredData.DashboardAccess => DeleteAsync(TableDashboardAccessStore.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {cutoff.At}"), maxRows, cancellationToken),
        ExpiredData.LegacyFollowerRows => legacyRows.SweepAsync(maxRows, cancellationToken),
        ExpiredData.Lockouts => DeleteAsync(TableAdminStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {TableAdminStore.Lockouts} and Timestamp lt {cutoff.At}"), maxRows, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No rows are known for this kind."),
    };

    /// <summary>A usage row is rewritten with every question; one quiet since the cutoff limits nothing any more.</summary>
    private async Task<int> DeleteQuietUsageAsync(ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync(FollowerTable.Name, TableClient.CreateQueryFilter($"RowKey eq {FollowerUsageRow.Key} and Timestamp lt {cutoff.At}"), maxRows, cancellationToken);
        return deleted >= maxRows ? deleted : deleted + await DeleteAsync(
            LegacyUsageTable.TableName, TableClient.CreateQueryFilter($"RowKey eq {LegacyUsageTable.RecentQuestionsRow} and Timestamp lt {cutoff.At}"), maxRows - deleted, cancellationToken);
    }

    /// <summary>A reading position is rewritten whenever the follower reads on, so its Timestamp says when that last was.</summary>
    private async Task<int> DeleteFollowerStateAsync(ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TableReplyClaimStore.TableName, TableClient.CreateQueryFilter($"RowKey eq {ReadingPositionEntity.Row} and Timestamp lt {cutoff.At}"), maxRows, cancellationToken);

    /// <summary>
    /// Preferences are written only when the follower changes them, so an old Timestamp does not make a quiet follower:
    /// they go once the follower has no conversation turn newer than the cutoff either.
    /// </summary>
    private async Task<int> DeleteQuietPreferencesAsync(ExpiryCutoff cutoff, int maxRows, CancellationToken cancellationToken)
    {
        var preferences = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var newerThanCutoff = ConversationTurnEntity.NewestFirstKey(cutoff.At);
        var deleted = 0;
        var quiet = TableClient.CreateQueryFilter($"(RowKey eq {PreferencesEntity.Row} or RowKey eq {MemoryRow.Key} or RowKey eq {FollowerTable.MovedRow}) and Timestamp lt {cutoff.At}");
        await foreach (var row in preferences.QueryAsync<TableEntity>(quiet, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var recentTurns = preferences.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey} and RowKey gt {ConversationTurnEntity.KeyPrefix} and RowKey lt {newerThanCutoff}"),
                maxPerPage: 1,
                select: ["RowKey"],
                cancellationToken: cancellationToken);
            if (await recentTurns.AnyAsync(cancellationToken))
            {
                continue;
            }

            try
            {
                // Guarded by the ETag read: preferences the follower changes meanwhile are kept.
                await preferences.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException changed) when (changed.Status is 404 or 412)
            {
                continue;
            }

            if (++deleted == maxRows)
            {
                break;
            }
        }

        return deleted;
    }

    private async Task<int> DeleteAsync(string tableName, string filter, int maxRows, CancellationToken cancellationToken) =>
        await TableRows.DeleteAsync(await tables.GetAsync(tableName, cancellationToken), filter, maxRows, cancellationToken);
}
