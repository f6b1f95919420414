using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Dashboard;

namespace WeChatFunctions.Storage;

/// <summary>
/// The dashboard's codes (partition <c>code</c>) and sessions (partition <c>session</c>) in <c>WeChatDashboard</c>,
/// keyed by their hashes. A code is marked used with an ETag-conditional write, so two clicks never both get in; the
/// cleanup deletes expired rows.
/// </summary>
internal sealed class TableDashboardAccessStore(TableClientProvider tables) : IDashboardAccessStore
{
    public const string TableName = "WeChatDashboard";

    private const string CodePartition = "code";

    private const string SessionPartition = "session";

    public async Task SaveCodeAsync(string codeHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.AddEntityAsync(new TableEntity(CodePartition, codeHash) { ["ExpiresAt"] = expiresAt, ["Used"] = false }, cancellationToken);
    }

    public async Task<CodeState> TakeCodeAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(CodePartition, codeHash, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return CodeState.Unknown;
        }

        var row = found.Value!;
        if (row.GetBoolean("Used") == true)
        {
            return CodeState.Used;
        }

        if ((row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue) <= now)
        {
            return CodeState.Expired;
        }

        try
        {
            row["Used"] = true;
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return CodeState.Valid;
        }
        catch (RequestFailedException taken) when (taken.Status is 412 or 404)
        {
            return CodeState.Used;
        }
    }

    public async Task SaveSessionAsync(string sessionHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.AddEntityAsync(new TableEntity(SessionPartition, sessionHash) { ["ExpiresAt"] = expiresAt }, cancellationToken);
    }

    public async Task<DateTimeOffset?> FindSessionAsync(string sessionHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(SessionPartition, sessionHash, ["ExpiresAt"], cancellationToken);
        return found.HasValue ? found.Value!.GetDateTimeOffset("ExpiresAt") : null;
    }
}
