using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>A read-modify-write of one row that only lands if no other instance wrote the row in between.</summary>
internal static class OptimisticRow
{
    /// <summary>Changes a row, reading it again after each conflict, at most <paramref name="maxAttempts"/> times.</summary>
    /// <param name="rowKey">The row to change on each attempt: the same one, or, for a sharded count, any shard.</param>
    /// <exception cref="RowContentionException">Other writers won every attempt.</exception>
    public static Task ChangeAsync(
        TableClient table, string partitionKey, Func<string> rowKey, Action<TableEntity> change, int maxAttempts, CancellationToken cancellationToken) =>
        ChangeAsync(table, partitionKey, rowKey, row =>
        {
            change(row);
            return true;
        }, maxAttempts, cancellationToken);

    /// <param name="change">Modifies the row and returns <see langword="true"/>, or leaves it as it is and returns <see langword="false"/>: nothing is written.</param>
    /// <exception cref="RowContentionException">Other writers won every attempt.</exception>
    public static async Task ChangeAsync(
        TableClient table, string partitionKey, Func<string> rowKey, Func<TableEntity, bool> change, int maxAttempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; !await TryChangeAsync(table, partitionKey, rowKey(), change, cancellationToken); attempt++)
        {
            if (attempt == maxAttempts)
            {
                throw new RowContentionException(table.Name, maxAttempts);
            }

            await Task.Delay(BackOff(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// A random pause after a conflict: two writers in step (one reads as the other writes) would otherwise keep the
    /// same one losing every time. A row without contention never waits.
    /// </summary>
    private static TimeSpan BackOff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(100, 5 << Math.Min(attempt, 5))));

    /// <summary>Reads the row (or starts a new one), lets <paramref name="change"/> modify it and writes it back.</summary>
    /// <returns>Whether it was written; <see langword="false"/> when another instance wrote first, so read again.</returns>
    private static async Task<bool> TryChangeAsync(
        TableClient table, string partitionKey, string rowKey, Func<TableEntity, bool> change, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        var row = found.HasValue ? found.Value! : new TableEntity(partitionKey, rowKey);
        if (!change(row))
        {
            return true;
        }

        try
        {
            if (found.HasValue)
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(row, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException collision) when (collision.Status is 409 or 412)
        {
            return false;
        }
    }
}
