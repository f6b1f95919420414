using System.Globalization;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// The performance issue's table, before and after, in one run: an earlier commit and the working tree, each
/// published in Release and run through the same <see cref="LoadScenario"/> on this machine, one after the other.
/// </summary>
internal static class Comparison
{
    /// <param name="followers">With <paramref name="messagesPerFollower"/>, the load this machine serves, for the costs per message.</param>
    /// <param name="peak">The peak load, for what share is delivered.</param>
    public static async Task<int> RunAsync(string baselineRevision, int followers, int messagesPerFollower, (int Followers, int Messages) peak)
    {
        var baseline = await AppPublisher.PublishRevisionAsync(baselineRevision);
        var current = await AppPublisher.PublishAsync("current");
        if (baseline is null || current is null)
        {
            return 1;
        }

        Console.WriteLine($"== before: {baselineRevision}");
        var before = await LoadScenario.RunAsync(baseline, followers, messagesPerFollower, peak, print: true);
        Console.WriteLine();
        Console.WriteLine("== after: this working tree");
        var after = await LoadScenario.RunAsync(current, followers, messagesPerFollower, peak, print: true);

        Console.WriteLine();
        Console.WriteLine($"| measure | before ({baselineRevision}) | after |");
        Console.WriteLine("|---|---|---|");
        var load = $"{followers} × {messagesPerFollower}";
        Row($"app CPU per answered message (both processes, after warm-up; {load})", result => $"{result.Load.CpuPerMessageMs:F1} ms");
        Row($"Table Storage calls per answered message, same instance ({load})", result => $"{result.Load.StorageCallsPerMessage:F1}");
        Row("the same, across instances (attempt 1 on A, attempt 2 on B)", result => $"{result.Across.StorageCallsPerMessage:F1}");
        Row($"resident memory of each instance after all {LoadScenario.MessageCount(followers, messagesPerFollower, peak)} messages", result =>
            string.Join(" / ", result.Memory.Select(memory => $"{memory.TotalMiB:F0} MiB")));
        Row($"{peak.Followers} followers × {peak.Messages} messages on two instances: delivered in the window", result =>
            $"{result.Peak!.DeliveredShare:P1}, model calls {result.Peak.ModelCalls}/{result.Peak.Outcomes.Count}, app CPU {result.Peak.CpuPerMessageMs:F1} ms per message");
        Row($"reply p50 / p99 after the answer completes, same instance ({load})", result => $"{result.Load.LatencyMs(0.5):F0} / {result.Load.LatencyMs(0.99):F0} ms");
        Row("time to the first page of a long answer (3000 characters at 400 characters/s)", result =>
            $"{result.LongAnswers.Median.TotalSeconds:F1} s (attempts {string.Join(",", result.LongAnswers.FirstPages.Select(page => page.Attempt))})");
        return after.AllDelivered ? 0 : 1;

        void Row(string measure, Func<ScenarioResult, string> value) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {measure} | {value(before)} | {value(after)} |"));
    }
}
