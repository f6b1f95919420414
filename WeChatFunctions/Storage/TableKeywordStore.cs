using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Keywords;

namespace WeChatFunctions.Storage;

/// <summary>Admins' keyword rules: one row each in the single partition <c>rule</c> of <c>WeChatKeywords</c>, read in one query.</summary>
internal sealed class TableKeywordStore(TableClientProvider tables, TimeProvider timeProvider) : IKeywordStore
{
    public const string TableName = "WeChatKeywords";

    private const string Partition = "rule";

    public async Task<IReadOnlyList<KeywordRule>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rules = new List<(DateTimeOffset Added, KeywordRule Rule)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<KeywordMatch>(row.GetString("Match"), out var match))
            {
                var phrases = (row.GetString("Phrases") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                rules.Add((row.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.UnixEpoch, new KeywordRule(row.RowKey, match, phrases, row.GetString("Reply") ?? "")));
            }
        }

        return [.. rules.OrderBy(rule => rule.Added).Select(rule => rule.Rule)];
    }

    public async Task SaveAsync(KeywordRule rule, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, rule.Id)
            {
                ["Match"] = rule.Match.ToString(),
                ["Phrases"] = string.Join('\n', rule.Phrases),
                ["Reply"] = rule.Reply,
                ["AddedAt"] = timeProvider.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // A delete of a missing row succeeds with 404 rather than failing.
        using var response = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
        return response.Status != 404;
    }
}
