using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// Decides once per storage account, and keeps in the <c>WeChatUsage</c> table, the first quota day whose usage is kept
/// in the follower table. An account with no usage yet switches at once. One with usage from earlier versions switches
/// at the first day that starts at least <see cref="SwitchDelay"/> after the first instance of this version started:
/// until then every instance, old or new, charges and settles in <c>WeChatUsage</c>, so that during a rolling deployment
/// a question is never charged in two places, nor an old instance's takeover charged again.
/// </summary>
internal sealed class TableUsageLayout(TableClientProvider tables, QuotaDays days, TimeProvider timeProvider) : IUsageLayout, IHostedService
{
    /// <summary>Sorts after every OpenID, as the account's budget does.</summary>
    public const string Partition = "~layout";

    public const string Row = "usage";

    public const string FollowerTableFromColumn = "FollowerTableFrom";

    /// <summary>Longer than any rolling deployment keeps instances of the version before running.</summary>
    public static readonly TimeSpan SwitchDelay = TimeSpan.FromHours(1);

    /// <summary>Before every day: an account with no earlier usage.</summary>
    private const string FromTheStart = "00000000";

    private readonly Lock _deciding = new();

    private Task<string>? _decided;

    /// <summary>Decides at start-up, so that the switch is timed from the first instance's start, not its first question.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = FollowerTableFromAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> FollowerTableFromAsync(CancellationToken cancellationToken)
    {
        lock (_deciding)
        {
            if (_decided is null || _decided.IsFaulted || _decided.IsCanceled)
            {
                _decided = DecideAsync();
            }

            return _decided.WaitAsync(cancellationToken);
        }
    }

    private async Task<string> DecideAsync()
    {
        var table = await tables.GetAsync(LegacyUsageTable.TableName, CancellationToken.None);
        if (await FindAsync(table) is { } decided)
        {
            return decided;
        }

        var earlierUsage = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {"~"}"), maxPerPage: 1, select: ["PartitionKey"]).AnyAsync();
        var from = earlierUsage ? days.DayOf(days.NextReset(timeProvider.GetUtcNow() + SwitchDelay)) : FromTheStart;
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, Row) { [FollowerTableFromColumn] = from });
            return from;
        }
        catch (RequestFailedException decidedFirst) when (decidedFirst.Status == 409)
        {
            return await FindAsync(table) ?? from;
        }
    }

    private static async Task<string?> FindAsync(TableClient table)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, [FollowerTableFromColumn]);
        return found.HasValue ? found.Value!.GetString(FollowerTableFromColumn) : null;
    }
}
