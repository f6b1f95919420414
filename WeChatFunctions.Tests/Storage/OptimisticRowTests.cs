using Azure.Data.Tables;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>Read-modify-write loops on Azurite give up after a bounded number of conflicts instead of spinning.</summary>
public sealed class OptimisticRowTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task ARowChangedUnderEveryAttemptIsGivenUpAfterTheLimit()
    {
        var table = new TableServiceClient(fixture.Storage.ConnectionString).GetTableClient("OptimisticRowTest");
        await table.CreateIfNotExistsAsync();
        var partition = Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(new TableEntity(partition, "row") { ["Count"] = 0 });
        var attempts = 0;

        // Every change is raced by another writer that lands between the read and the write.
        var change = OptimisticRow.ChangeAsync(table, partition, () => "row", row =>
        {
            attempts++;
            row["Count"] = attempts;
            table.UpdateEntity(new TableEntity(partition, "row") { ["Count"] = -attempts }, Azure.ETag.All);
        }, maxAttempts: 5, CancellationToken.None);

        await Assert.ThrowsAsync<RowContentionException>(() => change);
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task AnUncontendedChangeLandsOnTheFirstAttempt()
    {
        var table = new TableServiceClient(fixture.Storage.ConnectionString).GetTableClient("OptimisticRowTest");
        await table.CreateIfNotExistsAsync();
        var partition = Guid.NewGuid().ToString("N");

        await OptimisticRow.ChangeAsync(table, partition, () => "row", row => row["Count"] = (row.GetInt32("Count") ?? 0) + 1, maxAttempts: 5, CancellationToken.None);
        await OptimisticRow.ChangeAsync(table, partition, () => "row", row => row["Count"] = (row.GetInt32("Count") ?? 0) + 1, maxAttempts: 5, CancellationToken.None);

        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>(partition, "row")).Value.GetInt32("Count"));
    }
}
