using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>
/// Row operations the stores share: insertion of a row unless it exists, and bulk deletion by filter. Rows are deleted
/// one by one: a delete of a row another run just deleted is not an error.
/// </summary>
internal static class TableRows
{
    private const int ParallelDeletes = 8;

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    /// <summary>Inserts <paramref name="row"/> unless a row with its keys exists.</summary>
    /// <returns>
    /// Whether the row was missing. A row found may be this call's own insert, landed and retried by the SDK after its
    /// response was lost; a caller that must tell the two apart writes an id of its own into the row and reads it back.
    /// </returns>
    public static async Task<bool> TryAddAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            return false;
        }
    }

    /// <returns>How many rows matched and were deleted, at most <paramref name="maxRows"/>.</returns>
    public static async Task<int> DeleteAsync(TableClient table, string filter, int maxRows, CancellationToken cancellationToken)
    {
        var matched = await FindKeysAsync(table, filter, maxRows, cancellationToken);
        await Parallel.ForEachAsync(
            matched,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
            async (row, token) => await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, token));
        return matched.Count;
    }

    /// <returns>The keys of at most <paramref name="maxRows"/> rows matching <paramref name="filter"/>.</returns>
    public static async Task<List<TableEntity>> FindKeysAsync(TableClient table, string filter, int maxRows, CancellationToken cancellationToken)
    {
        var matched = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRows, 1000), select: KeysOnly, cancellationToken: cancellationToken))
        {
            matched.Add(row);
            if (matched.Count == maxRows)
            {
                break;
            }
        }

        return matched;
    }
}
