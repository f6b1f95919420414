using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The admins' rules for every follower they configured, read in one query and kept for <see cref="MaxAge"/>, so
/// that a message costs no policy read. An account that configured more followers than fit one page of a query
/// (<see cref="MaxRows"/>) is read per follower instead. A change made on this instance is seen here at once; other
/// instances see it within <see cref="MaxAge"/>.
/// </summary>
internal sealed class PolicySnapshot(TableClientProvider tables, TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    /// <summary>One page of a table query.</summary>
    public const int MaxRows = 1000;

    private readonly Lock _gate = new();
    private Task<Rules>? _loading;

    /// <returns>The follower's policy, or <see langword="null"/> when the account configured too many followers to hold them all.</returns>
    public async Task<FollowerPolicy?> TryGetAsync(string followerId, CancellationToken cancellationToken)
    {
        var rules = await CurrentAsync().WaitAsync(cancellationToken);
        if (rules.All is not { } all)
        {
            return null;
        }

        return (all.GetValueOrDefault(followerId) ?? FollowerPolicy.None) with { DefaultLimit = rules.DefaultLimit };
    }

    /// <summary>Drops the rules held, after a change this instance made; a load under way is not kept either.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _loading = null;
        }
    }

    /// <summary>One load at a time, shared by every message waiting for it; a failed load is not kept.</summary>
    private Task<Rules> CurrentAsync()
    {
        lock (_gate)
        {
            if (_loading is { } loading && !loading.IsFaulted && !loading.IsCanceled && (!loading.IsCompleted || timeProvider.GetUtcNow() - loading.Result.LoadedAt < MaxAge))
            {
                return loading;
            }

            _loading = LoadAsync();
            return _loading;
        }
    }

    private async Task<Rules> LoadAsync()
    {
        var loadedAt = timeProvider.GetUtcNow();
        var table = await tables.GetAsync(TableAdminStore.TableName, CancellationToken.None);
        var all = new Dictionary<string, FollowerPolicy>(StringComparer.Ordinal);
        int? defaultLimit = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableAdminStore.Followers}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: MaxRows))
        {
            if (row.RowKey == TableAdminStore.DefaultRow)
            {
                defaultLimit = row.GetInt32("DailyLimit");
            }
            else if (all.Count == MaxRows)
            {
                return new Rules(loadedAt, null, null);
            }
            else
            {
                all[row.RowKey] = TableAdminStore.PolicyOf(row);
            }
        }

        return new Rules(loadedAt, all, defaultLimit);
    }

    /// <param name="All">Every configured follower's own rules, or <see langword="null"/> when there are too many.</param>
    private sealed record Rules(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, FollowerPolicy>? All, int? DefaultLimit);
}
