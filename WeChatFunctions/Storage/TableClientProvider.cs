using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>
/// Hands out table clients, creating each table once per process on first use rather than at start-up, so a cold
/// start makes no storage calls before the first request.
/// </summary>
internal sealed class TableClientProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var table = _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await table.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (table.Value.IsFaulted)
        {
            // A failed creation is not cached: the next caller tries again.
            _tables.TryRemove(KeyValuePair.Create(tableName, table));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var client = service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
