using System.Diagnostics;
using System.Globalization;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Cold start, side by side: the app published with ReadyToRun (as azd and the pipeline publish it) against the same
/// Release build without it (JIT only), from process start to the first answered signed message, over Azurite and the
/// fake model; then resident memory after 1000 messages. Prints medians; asserts nothing.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var readyToRun = await AppPublisher.PublishAsync("r2r", readyToRun: true);
        var jit = await AppPublisher.PublishAsync("jit", readyToRun: false);
        if (readyToRun is null || jit is null)
        {
            return 1;
        }

        await using var storage = await AzuriteServer.StartAsync();
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["Logging__LogLevel__Default"] = "Warning";
        var builds = new (string Name, string Assembly)[] { ("ReadyToRun", readyToRun), ("JIT", jit) };

        Console.WriteLine($"Process start -> first answered signed message, {runs} runs each, alternating");
        var times = builds.ToDictionary(build => build.Name, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var (name, assembly) in builds)
            {
                var clock = Stopwatch.StartNew();
                await using var instance = await WeChatInstance.StartAsync(settings, assembly);
                var reply = await instance.WeChat.AskAsync(WeChatClient.NewFollowerId(), "冷启动");
                times[name].Add(clock.Elapsed.TotalMilliseconds);
                if (reply != "回答：冷启动")
                {
                    Console.Error.WriteLine($"{name}: unexpected reply {reply}");
                    return 1;
                }
            }
        }

        foreach (var (name, samples) in times)
        {
            var sorted = samples.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} median {sorted[sorted.Count / 2]:F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms"));
        }

        Console.WriteLine("Resident memory after 1000 messages (20 followers x 50)");
        foreach (var (name, assembly) in builds)
        {
            await using var instance = await WeChatInstance.StartAsync(settings, assembly);
            // Through WeChat's retry pattern, as on a real account: an answer slower than one attempt comes on the next.
            var platform = new WeChatPlatform(instance.WeChat);
            var deliveries = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                var follower = WeChatClient.NewFollowerId();
                var attempts = new List<int>();
                for (var message = 0; message < 50; message++)
                {
                    attempts.Add((await platform.DeliverAsync(SignedPush.Text($"问题{message}").From(follower))).Attempt);
                }

                return attempts;
            }));
            var answered = deliveries.SelectMany(attempts => attempts).Count(attempt => attempt > 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} {ResidentKilobytes(instance.ProcessId) / 1024.0:F1} MiB ({answered}/1000 answered)"));
        }

        return 0;
    }

    private static long ResidentKilobytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .Single();
}
