using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Storage;

/// <summary>
/// The knowledge base's catalog in <c>WeChatKnowledge</c>: one row per document in partition <c>doc</c>, one per
/// source's latest import in <c>import</c>, and a version row whose ETag changes with every document saved or deleted.
/// </summary>
internal sealed class TableKnowledgeCatalog(TableClientProvider tables) : IKnowledgeCatalog
{
    public const string TableName = "WeChatKnowledge";

    private const string DocumentPartition = "doc";

    private const string ImportPartition = "import";

    private const string VersionPartition = "~catalog";

    private const string VersionRow = "version";

    public async Task<IReadOnlyList<KnowledgeDocument>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var documents = new List<KnowledgeDocument>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DocumentPartition}"), cancellationToken: cancellationToken))
        {
            documents.Add(ToDocument(row));
        }

        return documents;
    }

    public async Task<KnowledgeDocument?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(DocumentPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToDocument(row.Value!) : null;
    }

    public async Task SaveAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(DocumentPartition, document.Id)
            {
                ["Title"] = document.Title,
                ["Source"] = document.Source,
                ["ContentHash"] = document.ContentHash,
                ["Chunks"] = document.Chunks,
                ["Tokens"] = document.Tokens,
                ["UpdatedAt"] = document.UpdatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        await TouchVersionAsync(table, cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        using var _ = await table.DeleteEntityAsync(DocumentPartition, id, ETag.All, cancellationToken);
        await TouchVersionAsync(table, cancellationToken);
    }

    public async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, VersionRow, ["RowKey"], cancellationToken);
        return row.HasValue ? row.Value!.ETag.ToString() : "";
    }

    public async Task RecordImportAsync(ImportRecord import, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(ImportPartition, import.DocumentId)
            {
                ["Source"] = import.Source,
                ["Status"] = import.Status.ToString(),
                ["Detail"] = import.Detail,
                ["StartedAt"] = import.StartedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<IReadOnlyList<ImportRecord>> ListImportsAsync(int latest, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var imports = new List<ImportRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ImportPartition}"), cancellationToken: cancellationToken))
        {
            imports.Add(new ImportRecord(
                row.RowKey,
                row.GetString("Source") ?? "",
                Enum.TryParse<ImportStatus>(row.GetString("Status"), out var status) ? status : ImportStatus.Failed,
                row.GetString("Detail") ?? "",
                row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.UnixEpoch));
        }

        return [.. imports.OrderByDescending(import => import.StartedAt).Take(latest)];
    }

    /// <summary>Rewrites the version row, which gives it a new ETag: the instances' indexes see a change in one point read.</summary>
    private static async Task TouchVersionAsync(TableClient table, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(VersionPartition, VersionRow) { ["Stamp"] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace, cancellationToken);

    private static KnowledgeDocument ToDocument(TableEntity row) => new(
        row.RowKey,
        row.GetString("Title") ?? "",
        row.GetString("Source") ?? "",
        row.GetString("ContentHash") ?? "",
        row.GetInt32("Chunks") ?? 0,
        row.GetInt64("Tokens") ?? 0,
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch);
}
