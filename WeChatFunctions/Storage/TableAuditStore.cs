using System.Globalization;
using Azure.Data.Tables;
using WeChatFunctions.Admin;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatAudit</c> table: one partition, row keys in reverse time order (then a random suffix, so two entries
/// in the same tick never collide), so the newest entries are read first.
/// </summary>
internal sealed class TableAuditStore(TableClientProvider tables) : IAuditStore
{
    public const string TableName = "WeChatAudit";

    public const string Partition = "audit";

    /// <summary>Keys that sort newest first: the ticks left until the end of time.</summary>
    public static string NewestFirstKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rowKey = NewestFirstKey(entry.At) + "-" + Guid.NewGuid().ToString("N")[..8];
        await table.AddEntityAsync(
            new TableEntity(Partition, rowKey)
            {
                ["At"] = entry.At,
                ["Sender"] = entry.SenderId,
                ["Command"] = entry.Command,
                ["Arguments"] = entry.Arguments,
                ["Result"] = entry.Result,
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entries = new List<AuditEntry>(count);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: count, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Sender") ?? "",
                row.GetString("Command") ?? "",
                row.GetString("Arguments") ?? "",
                row.GetString("Result") ?? ""));
            if (entries.Count == count)
            {
                break;
            }
        }

        return entries;
    }
}
