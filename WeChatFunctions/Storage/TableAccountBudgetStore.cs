using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The account's leased budget in the <c>WeChatUsage</c> table: partition <see cref="Partition"/>, a row per quota
/// day, so that the cleanup of old day rows removes them too.
/// </summary>
internal sealed class TableAccountBudgetStore(TableClientProvider tables) : IAccountBudgetStore
{
    /// <summary>Not an OpenID: those are 28 characters of letters, digits, '-' and '_'.</summary>
    public const string Partition = "~account-budget";

    private const string LeasedProperty = "Leased";

    /// <summary>Every instance leases from this row, but only once per block; this many conflicts in a row means storage trouble.</summary>
    private const int MaxConflicts = 20;

    public async Task<long> ChangeLeasedAsync(string day, Func<long, long> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LegacyUsageTable.TableName, cancellationToken);
        var changed = 0L;
        await OptimisticRow.ChangeAsync(table, Partition, () => day, row =>
        {
            var leased = row.GetInt64(LeasedProperty) ?? 0;
            changed = change(leased);
            row[LeasedProperty] = leased + changed;
            return changed != 0;
        }, MaxConflicts, cancellationToken);
        return changed;
    }

    public async Task<long> LeasedAsync(string day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LegacyUsageTable.TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, day, [LeasedProperty], cancellationToken);
        return row.HasValue ? row.Value!.GetInt64(LeasedProperty) ?? 0 : 0;
    }
}
