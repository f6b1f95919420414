using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Admin;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatAdmin</c> table. Partition <c>follower</c> holds a row per follower an admin configured, plus the
/// default limit in row <c>~default</c>, so one query reads both; <c>setting</c> holds the admin token; <c>lockout</c>
/// counts failed admin commands per sender.
/// </summary>
internal sealed class TableAdminStore(TableClientProvider tables, PolicySnapshot snapshot) : IAdminStore
{
    public const string TableName = "WeChatAdmin";

    public const string Followers = "follower";
    public const string DefaultRow = "~default";
    private const string Settings = "setting";
    private const string TokenRow = "token";

    /// <summary>More guesses than this racing for one sender's row are counted by the writes that won.</summary>
    private const int MaxFailureConflicts = 20;
    public const string Lockouts = "lockout";

    public async Task<FollowerPolicy> GetPolicyAsync(string followerId, CancellationToken cancellationToken) =>
        await snapshot.TryGetAsync(followerId, cancellationToken) ?? await QueryPolicyAsync(followerId, cancellationToken);

    public static FollowerPolicy PolicyOf(TableEntity row) =>
        FollowerPolicy.None with { WhiteListed = row.GetBoolean("WhiteListed") ?? false, Blocked = row.GetBoolean("Blocked") ?? false, DailyLimit = row.GetInt32("DailyLimit") };

    private async Task<FollowerPolicy> QueryPolicyAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var policy = FollowerPolicy.None;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Followers} and (RowKey eq {followerId} or RowKey eq {DefaultRow})");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            policy = row.RowKey == DefaultRow
                ? policy with { DefaultLimit = row.GetInt32("DailyLimit") }
                : PolicyOf(row) with { DefaultLimit = policy.DefaultLimit };
        }

        return policy;
    }

    public async Task ChangePolicyAsync(string followerId, FollowerPolicyChange change, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Followers, followerId);
        if (change.WhiteListed is { } whiteListed)
        {
            row["WhiteListed"] = whiteListed;
        }

        if (change.Blocked is { } blocked)
        {
            row["Blocked"] = blocked;
        }

        if (change.DailyLimit is { } dailyLimit)
        {
            row["DailyLimit"] = dailyLimit;
        }

        await UpsertAsync(row, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListWhiteListedAsync(CancellationToken cancellationToken) =>
        ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Followers} and WhiteListed eq {true}"), cancellationToken);

    public Task<IReadOnlyList<string>> ListBlockedAsync(CancellationToken cancellationToken) =>
        ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Followers} and Blocked eq {true}"), cancellationToken);

    private async Task<IReadOnlyList<string>> ListAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var followers = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            followers.Add(row.RowKey);
        }

        return followers;
    }

    public Task SetDefaultLimitAsync(int dailyLimit, CancellationToken cancellationToken) =>
        UpsertAsync(new TableEntity(Followers, DefaultRow) { ["DailyLimit"] = dailyLimit }, cancellationToken);

    public async Task<int?> GetDefaultLimitAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Followers, DefaultRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("DailyLimit") : null;
    }

    public async Task<AdminTokenOverride?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Settings, TokenRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Value") is { } token ? new AdminTokenOverride(token, row.Value.GetString("SettingFingerprint") ?? "") : null;
    }

    public Task SetTokenAsync(AdminTokenOverride token, CancellationToken cancellationToken) =>
        UpsertAsync(new TableEntity(Settings, TokenRow) { ["Value"] = token.Token, ["SettingFingerprint"] = token.SettingFingerprint }, cancellationToken);

    public async Task RecordFailureAsync(string senderId, DateTimeOffset at, int maxFailures, TimeSpan window, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // ETag-guarded, so that guesses sent at once are counted one by one and cannot slip past the lockout.
        await OptimisticRow.ChangeAsync(table, Lockouts, () => senderId, row =>
        {
            var windowStart = row.GetDateTimeOffset("WindowStart");
            var failures = windowStart is { } start && at - start < window ? (row.GetInt32("Failures") ?? 0) + 1 : 1;
            row["WindowStart"] = failures == 1 ? at : windowStart;
            row["Failures"] = failures;
            if (failures >= maxFailures)
            {
                row["LockedUntil"] = at + window;
            }
        }, MaxFailureConflicts, cancellationToken);
    }

    public async Task<bool> IsLockedOutAsync(string senderId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Lockouts, senderId, select: ["LockedUntil"], cancellationToken: cancellationToken);
        return found.HasValue && found.Value!.GetDateTimeOffset("LockedUntil") is { } until && at < until;
    }

    private async Task UpsertAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        snapshot.Forget();
    }
}
