using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Storage;

/// <summary>
/// The account's access token and the WeChat API's last state, in the <c>WeChatApi</c> table, one row each per AppID:
/// apps for several accounts may share a storage account.
/// </summary>
internal sealed class TableWeChatApiStore(TableClientProvider tables, IOptions<CustomerServiceOptions> options) : IAccessTokenStore, IWeChatApiHealthStore
{
    public const string TableName = "WeChatApi";

    private const string Partition = "account";

    private string TokenRow => $"{options.Value.AppId}.access-token";

    private string HealthRow => $"{options.Value.AppId}.health";

    public async Task<StoredAccessToken> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await FindAsync(TokenRow, cancellationToken);
        return row is null
            ? StoredAccessToken.None
            : new StoredAccessToken(
                row.GetString("Token"),
                row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.UnixEpoch,
                row.GetDateTimeOffset("RefreshAfter") ?? DateTimeOffset.UnixEpoch,
                row.GetDateTimeOffset("RefreshingUntil") ?? DateTimeOffset.UnixEpoch,
                row.ETag.ToString());
    }

    public async Task<StoredAccessToken?> TryReplaceAsync(StoredAccessToken current, StoredAccessToken next, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(Partition, TokenRow)
        {
            ["Token"] = next.Token,
            ["ExpiresAt"] = next.ExpiresAt,
            ["RefreshAfter"] = next.RefreshAfter,
            ["RefreshingUntil"] = next.RefreshingUntil,
        };
        try
        {
            var response = string.IsNullOrEmpty(current.Version)
                ? await table.AddEntityAsync(row, cancellationToken)
                : await table.UpdateEntityAsync(row, new ETag(current.Version), TableUpdateMode.Replace, cancellationToken);
            return next with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException collision) when (collision.Status is 409 or 412)
        {
            return null;
        }
    }

    async Task<WeChatApiHealthState> IWeChatApiHealthStore.ReadAsync(CancellationToken cancellationToken)
    {
        var row = await FindAsync(HealthRow, cancellationToken);
        if (row is null)
        {
            return WeChatApiHealthState.Unknown;
        }

        var problem = Enum.TryParse<WeChatApiProblem>(row.GetString("Problem"), out var parsed) ? parsed : (WeChatApiProblem?)null;
        return new WeChatApiHealthState(problem, row.GetInt32("ErrorCode") ?? 0, row.GetString("Call"), row.GetDateTimeOffset("FailedAt"), row.GetDateTimeOffset("SucceededAt"));
    }

    public async Task SaveAsync(WeChatApiHealthState state, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, HealthRow)
            {
                ["Problem"] = state.Problem?.ToString(),
                ["ErrorCode"] = state.ErrorCode,
                ["Call"] = state.Call,
                ["FailedAt"] = state.FailedAt,
                ["SucceededAt"] = state.SucceededAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private async Task<TableEntity?> FindAsync(string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
