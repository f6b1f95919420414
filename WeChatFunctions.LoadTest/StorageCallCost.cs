using System.Diagnostics;
using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// What one Table Storage call costs the calling process in CPU, with the client set up as the app sets it up:
/// point reads, inserts and partition queries against Azurite, one after another and then 16 at a time.
/// </summary>
internal static class StorageCallCost
{
    public static async Task<int> RunAsync(int calls)
    {
        await using var storage = await AzuriteServer.StartAsync();
        foreach (var logging in new[] { true, false })
        {
            var options = new TableClientOptions();
            options.Diagnostics.IsLoggingEnabled = logging;
            var table = new TableServiceClient(storage.ConnectionString, options).GetTableClient($"Cost{(logging ? 1 : 0)}");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = new string('字', 300) });
            await MeasureAsync($"point read, SDK logging {(logging ? "on" : "off")}", calls, 1, _ => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
            await MeasureAsync($"insert, SDK logging {(logging ? "on" : "off")}", calls, 1, call => table.AddEntityAsync(new TableEntity("p", $"n{call}") { ["Text"] = "x" }));
            await MeasureAsync($"partition query, SDK logging {(logging ? "on" : "off")}", calls, 1, async _ =>
            {
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and RowKey eq {"r"}")))
                {
                    GC.KeepAlive(row);
                }
            });
            await MeasureAsync($"point read x16 at once, SDK logging {(logging ? "on" : "off")}", calls, 16, _ => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, int calls, int parallel, Func<int, Task> call)
    {
        for (var warmUp = 0; warmUp < 200; warmUp++)
        {
            await call(-warmUp - 1);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, calls, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, _) => await call(index));
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  {name,-45} {used.TotalMilliseconds * 1000 / calls,7:F0} µs CPU per call, {clock.Elapsed.TotalMilliseconds * 1000 / calls,7:F0} µs wall");
    }
}
