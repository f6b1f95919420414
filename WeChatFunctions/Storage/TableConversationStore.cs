using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

internal sealed class TableConversationStore(TableClientProvider tables, TimeProvider timeProvider) : IConversationStore
{
    public const string TableName = "WeChatConversations";

    private static readonly string[] SelectedColumns = ["RowKey", nameof(ConversationTurnEntity.Role), nameof(ConversationTurnEntity.Content), nameof(ConversationTurnEntity.TokenCount)];

    public async Task<IReadOnlyList<ConversationTurn>> ReadRecentAsync(string followerId, int tokenBudget, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var turns = new List<ConversationTurn>();
        var spent = 0;
        var query = table.QueryAsync<ConversationTurnEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {followerId}"), maxPerPage: 50, select: SelectedColumns, cancellationToken: cancellationToken);
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
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {followerId}");
        await foreach (var entity in table.QueryAsync<ConversationTurnEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
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

    public async Task AppendExchangeAsync(string followerId, ConversationTurn question, ConversationTurn answer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var newestFirst = ConversationTurnEntity.NewestFirstKey(timeProvider.GetUtcNow());
        TableTransactionAction[] exchange =
        [
            new(TableTransactionActionType.Add, ConversationTurnEntity.From(followerId, $"{newestFirst}-1", question)),
            new(TableTransactionActionType.Add, ConversationTurnEntity.From(followerId, $"{newestFirst}-0", answer)),
        ];
        await table.SubmitTransactionAsync(exchange, cancellationToken);
    }
}
