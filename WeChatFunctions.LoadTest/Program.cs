using System.Globalization;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Usage: <c>dotnet run -c Release --project WeChatFunctions.LoadTest [followers] [messagesPerFollower]</c>, or
/// <c>… -- faults [followers] [messagesPerFollower] [no-kill]</c> for the storage-fault run with an instance killed, or
/// <c>… -- startup [runs]</c> for the cold-start benchmark of the ReadyToRun publish against the JIT-only one.
/// A class rather than top-level statements: the harness it links names the app's own <c>Program</c>.
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["startup", ..])
        {
            return await StartupBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7);
        }

        if (args is ["faults", ..])
        {
            return await FaultLoadRun.RunAsync(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5,
                kill: args is not [.., "no-kill"]);
        }

        var followers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var messagesPerFollower = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

        var storageLog = Path.GetTempFileName();
        await using var storage = await AzuriteServer.StartAsync(storageLog);
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["chat_gpt_timeout_seconds"] = "30";
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var first = await WeChatInstance.StartAsync(settings);
        await using var second = await WeChatInstance.StartAsync(settings);
        var instances = new[] { first.WeChat, second.WeChat };
        var run = new LoadRun(model, storageLog, [first.ProcessId, second.ProcessId]);

        // Warm up both instances (JIT, connections, table creation) so the numbers below are steady-state.
        await run.AskAsync(new WeChatPlatform(first.WeChat), "warm-up-1", TimeSpan.Zero);
        await run.AskAsync(new WeChatPlatform(second.WeChat), "warm-up-2", TimeSpan.Zero);

        Console.WriteLine($"Load: {followers} followers x {messagesPerFollower} messages, two instances, model delays 0.2-1.7 s");
        var random = new Random(20261124);
        var delays = Enumerable.Range(0, followers * messagesPerFollower).Select(_ => TimeSpan.FromMilliseconds(random.Next(200, 1701))).ToArray();
        var load = await run.MeasureAsync(followers, messagesPerFollower, (follower, message) =>
            (new WeChatPlatform(instances[(follower + message) % 2], instances[(follower + message + 1) % 2]), delays[(follower * messagesPerFollower) + message]));
        load.Print("same instance (answer on attempt 1)");

        Console.WriteLine();
        Console.WriteLine("Across instances: 20 followers, model delays 5.2-5.8 s, attempt 1 on instance A, attempt 2 on instance B");
        var across = await run.MeasureAsync(20, 1, (follower, _) =>
            (new WeChatPlatform(first.WeChat, second.WeChat), TimeSpan.FromMilliseconds(5200 + (follower * 30))));
        across.Print("across instances (answer on attempt 2)");
        return load.AllDelivered && across.AllDelivered ? 0 : 1;
    }
}
