using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>
/// Moves a follower's rows from the tables before the follower table into it: turns (keys prefixed, so they sort last),
/// and the preferences, memory, link and pending-image rows under their own keys. Moving twice changes nothing: a turn
/// is written under the same key again, and a single row replaces the follower table's only when it is newer, which
/// is how a row that an instance of the version before wrote after the move still wins. The old tables are read
/// without being created.
/// </summary>
internal sealed class FollowerMove(TableServiceClient service, TableClientProvider tables, TimeProvider timeProvider)
{
    public const string ConversationsTable = "WeChatConversations";

    public const string PreferencesTable = "WeChatPreferences";

    public const string ImagesTable = "WeChatImages";

    private const int MaxBatch = 100;

    private static readonly string[] Tables = [ConversationsTable, PreferencesTable, ImagesTable];

    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <summary>An old table found missing was never written; it is asked about again after this, in case an instance of the version before creates it.</summary>
    private static readonly TimeSpan AbsentFor = TimeSpan.FromMinutes(10);

    /// <summary>When each missing old table was found missing.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _absent = new(StringComparer.Ordinal);

    /// <summary>Moves the follower's old rows, then marks the partition moved.</summary>
    /// <param name="deleteMoved">Whether to delete the old rows moved: the sweep does, once no instance reads them any more.</param>
    /// <returns>How many old rows there were.</returns>
    public async Task<int> MoveAsync(string followerId, bool deleteMoved, CancellationToken cancellationToken)
    {
        var target = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var byFollower = TableClient.CreateQueryFilter($"PartitionKey eq {followerId}");
        var turns = await ReadAsync(ConversationsTable, byFollower, cancellationToken);
        var singles = (await ReadAsync(PreferencesTable, byFollower, cancellationToken)).Concat(await ReadAsync(ImagesTable, byFollower, cancellationToken)).ToList();
        foreach (var chunk in turns.Chunk(MaxBatch))
        {
            await target.SubmitTransactionAsync(
                chunk.Select(turn => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CopyOf(turn.Entity, ConversationTurnEntity.KeyPrefix + turn.Entity.RowKey))),
                cancellationToken);
        }

        foreach (var single in singles)
        {
            await CopyUnlessOlderAsync(target, single.Entity, cancellationToken);
        }

        await TableRows.TryAddAsync(target, new TableEntity(followerId, FollowerTable.MovedRow) { ["MovedAt"] = timeProvider.GetUtcNow() }, cancellationToken);
        if (deleteMoved)
        {
            foreach (var (table, entity) in turns.Concat(singles))
            {
                await DeleteUnlessChangedAsync(table, entity, cancellationToken);
            }
        }

        return turns.Count + singles.Count;
    }

    /// <summary>
    /// Moves every follower with rows left in the old tables, at most <paramref name="maxRows"/> rows' worth from each,
    /// and deletes what it moved.
    /// </summary>
    /// <returns>How many old rows the fullest table listed: <paramref name="maxRows"/> means there may be more.</returns>
    public async Task<int> SweepAsync(int maxRows, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var name in Tables)
        {
            var keys = await ReadAsync(name, filter: null, cancellationToken, maxRows, select: ["PartitionKey", "RowKey"]);
            foreach (var followerId in keys.Select(key => key.Entity.PartitionKey).Distinct(StringComparer.Ordinal))
            {
                await MoveAsync(followerId, deleteMoved: true, cancellationToken);
            }

            found = Math.Max(found, keys.Count);
        }

        return found;
    }

    public async Task<bool> AnyLegacyRowAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Tables)
        {
            if ((await ReadAsync(name, filter: null, cancellationToken, maxRows: 1, select: ["PartitionKey"])).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Deletes the follower's rows in the old tables, for an unfollow.</summary>
    public async Task ForgetAsync(string followerId, CancellationToken cancellationToken)
    {
        foreach (var name in Tables)
        {
            foreach (var (table, entity) in await ReadAsync(name, TableClient.CreateQueryFilter($"PartitionKey eq {followerId}"), cancellationToken, select: ["PartitionKey", "RowKey"]))
            {
                await DeleteUnlessChangedAsync(table, new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = ETag.All }, cancellationToken);
            }
        }
    }

    private static async Task CopyUnlessOlderAsync(TableClient target, TableEntity single, CancellationToken cancellationToken)
    {
        var copy = CopyOf(single, single.RowKey);
        if (await TableRows.TryAddAsync(target, copy, cancellationToken))
        {
            return;
        }

        var current = await target.GetEntityIfExistsAsync<TableEntity>(single.PartitionKey, single.RowKey, select: ["Timestamp"], cancellationToken: cancellationToken);
        if (current is { HasValue: true, Value: { } existing } && existing.Timestamp < single.Timestamp)
        {
            try
            {
                await target.UpdateEntityAsync(copy, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException changed) when (changed.Status is 404 or 412)
            {
                // Written or deleted here meanwhile: newer than the old row either way.
            }
        }
    }

    private static TableEntity CopyOf(TableEntity row, string rowKey)
    {
        var copy = new TableEntity(row.PartitionKey, rowKey);
        foreach (var (name, value) in row.Where(property => !SystemProperties.Contains(property.Key)))
        {
            copy[name] = value;
        }

        return copy;
    }

    private static async Task DeleteUnlessChangedAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
        }
        catch (RequestFailedException changed) when (changed.Status is 404 or 412)
        {
            // Deleted by another sweep, or rewritten by an instance of the version before since it was read: the next sweep moves it.
        }
    }

    private async Task<List<(TableClient Table, TableEntity Entity)>> ReadAsync(
        string tableName, string? filter, CancellationToken cancellationToken, int maxRows = int.MaxValue, string[]? select = null)
    {
        var table = service.GetTableClient(tableName);
        var rows = new List<(TableClient, TableEntity)>();
        if (_absent.TryGetValue(tableName, out var since) && timeProvider.GetUtcNow() - since < AbsentFor)
        {
            return rows;
        }

        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRows, 1000), select: select, cancellationToken: cancellationToken))
            {
                rows.Add((table, row));
                if (rows.Count == maxRows)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            _absent[tableName] = timeProvider.GetUtcNow(); // an install that began with the follower table
        }

        return rows;
    }
}
