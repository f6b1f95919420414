using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>
/// Hands out table clients, creating each table once per process on first use rather than at start-up, so a cold
/// start makes no storage calls before the first request.
/// </summary>
internal sealed class TableClientProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, CreatedOnFirstUse<TableClient>> _tables = new(StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken) =>
        _tables.GetOrAdd(tableName, name => new CreatedOnFirstUse<TableClient>(() => CreateAsync(name))).GetAsync(cancellationToken);

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var client = service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
