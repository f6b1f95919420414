using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>The follower's conversation turns: rows <c>~turn-…</c> of their partition in the follower table, newest first.</summary>
internal sealed class TableConversationStore(TableClientProvider tables, LegacyFollowerTables legacy, TimeProvider timeProvider) : IConversationStore
{
    private const string TableName = FollowerTable.Name;

    private static readonly string[] SelectedColumns = ["RowKey", nameof(ConversationTurnEntity.Role), nameof(ConversationTurnEntity.Content), nameof(ConversationTurnEntity.TokenCount)];

    public async Task<IReadOnlyList<ConversationTurn>> ReadRecentAsync(string followerId, int tokenBudget, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var turns = new List<ConversationTurn>();
        var spent = 0;
        var query = table.QueryAsync<ConversationTurnEntity>(
            TurnsOf(followerId), maxPerPage: 50, select: SelectedColumns, cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            if (entity.Role == nameof(ConversationRole.SessionStart))
            {
                break;
            }

            spent += entity.TokenCount;
            if (spent > tokenBudget)
            {
                break;
            }

            turns.Add(entity.ToTurn());
        }

        return turns;
    }

    public async Task<DateTimeOffset?> LastTurnAtAsync(string followerId, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<ConversationTurnEntity>(TurnsOf(followerId), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return ConversationTurnEntity.StoredAt(entity.RowKey);
        }

        return null;
    }

    public async Task StartSessionAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var marker = new ConversationTurn(ConversationRole.SessionStart, "", 0);
        await table.UpsertEntityAsync(ConversationTurnEntity.From(followerId, $"{ConversationTurnEntity.NewestFirstKey(timeProvider.GetUtcNow())}-s", marker), cancellationToken: cancellationToken);
    }

    private static string TurnsOf(string followerId) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {followerId} and RowKey gt {ConversationTurnEntity.KeyPrefix} and RowKey lt {ConversationTurnEntity.KeysEnd}");
}
