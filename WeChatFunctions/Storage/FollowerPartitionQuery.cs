using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Images;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

/// <summary>
/// The one query of a follower's partition that a message makes before it is answered: recent claims and their marks,
/// the reading position, the preferences, facts and shared link, the pending image, the usage row (which the charge
/// then writes without reading), and the current session's newest turns. Turns sort last, newest first, so the query stops at the session's start or once <c>max_context_tokens</c>
/// worth are read, and fetches no page beyond.
/// </summary>
internal sealed class FollowerPartitionQuery(
    TableClientProvider tables, LegacyFollowerTables legacy, RecentPreferences recent, FollowerTableUsage usage, TimeProvider timeProvider, IOptions<ConversationOptions> options)
{
    /// <summary>Enough for a few hours of claims and a session's turns; a longer partition is read page by page.</summary>
    private const int RowsPerPage = 100;

    /// <param name="since">Rows with a <c>FirstArrival</c> (claims and their marks) from this moment on are read.</param>
    /// <returns>The claims' rows, and what the single rows and turns say.</returns>
    public async Task<(List<TableEntity> ReplyRows, FollowerContext Context)> ReadAsync(string followerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var read = await QueryAsync(followerId, since, cancellationToken);
        if (await legacy.MoveUnlessSeenAsync(followerId, read.Moved, cancellationToken))
        {
            read = await QueryAsync(followerId, since, cancellationToken);
        }

        recent.Remember(followerId, read.Partition);
        usage.Remember(followerId, read.Usage);
        return (read.ReplyRows, new FollowerContext(read.Turns, read.Image, read.ImageStoredApart));
    }

    private async Task<Read> QueryAsync(string followerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {followerId} and (FirstArrival ge {since} or RowKey ge {FollowerTable.MovedRow} or RowKey eq {PreferencesEntity.Row} or RowKey eq {MemoryRow.Key} or RowKey eq {SharedLinkEntity.Row} or RowKey eq {PendingImageEntity.Row} or RowKey eq {FollowerUsageRow.Key})");
        var read = new Read();
        var session = new SessionTurns(timeProvider.GetUtcNow(), TimeSpan.FromMinutes(options.Value.SessionIdleMinutes), options.Value.MaxContextTokens);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: RowsPerPage, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(ConversationTurnEntity.KeyPrefix, StringComparison.Ordinal))
            {
                if (!session.TryAdd(ConversationTurnEntity.Read(row)))
                {
                    break;
                }
            }
            else if (row.RowKey == PendingImageEntity.Row)
            {
                read.Image = PendingImageEntity.ReadInline(row);
                read.ImageStoredApart = read.Image is null;
            }
            else if (row.RowKey == FollowerUsageRow.Key)
            {
                read.Usage = row;
            }
            else if (row.RowKey == FollowerTable.MovedRow)
            {
                read.Moved = true;
            }
            else if (FollowerPartition.Holds(row.RowKey))
            {
                read.Partition = read.Partition.With(row);
            }
            else
            {
                read.ReplyRows.Add(row);
            }
        }

        read.Turns = session.Turns;
        return read;
    }

    private sealed class Read
    {
        public List<TableEntity> ReplyRows { get; } = [];

        public FollowerPartition Partition { get; set; } = FollowerPartition.Empty;

        public IReadOnlyList<ConversationTurn> Turns { get; set; } = [];

        public PendingImage? Image { get; set; }

        public bool ImageStoredApart { get; set; }

        public bool Moved { get; set; }

        public TableEntity? Usage { get; set; }
    }
}
