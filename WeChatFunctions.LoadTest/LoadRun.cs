using System.Collections.Concurrent;
using System.Diagnostics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Sends questions through the WeChat platform simulation and measures what reached the followers, and what it cost
/// the app processes <paramref name="appProcessIds"/>: CPU time, storage calls and resident memory.
/// </summary>
internal sealed class LoadRun(FakeModelServer model, string storageLog, IReadOnlyList<int> appProcessIds)
{
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    /// <param name="ask">How one question is asked and judged; by default <see cref="AskAsync"/>, a passive reply.</param>
    public async Task<LoadResult> MeasureAsync(
        int followers, int messagesPerFollower, Func<int, int, (WeChatPlatform Platform, TimeSpan ModelDelay)> plan, Func<WeChatPlatform, string, string, Task<Outcome>>? ask = null)
    {
        model.Reset(new FakeModelBehavior { FirstTokenDelayOf = request => _delays.GetValueOrDefault(request.LastUserMessage) });
        var storageCallsBefore = CountStorageCalls();
        var cpuBefore = AppCpuTime();
        var requestsBefore = model.Requests.Count;
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, followers).Select(async follower =>
        {
            var followerId = WeChatClient.NewFollowerId();
            var results = new List<Outcome>();
            for (var message = 0; message < messagesPerFollower; message++)
            {
                var (platform, delay) = plan(follower, message);
                var question = $"{followerId}-{message}";
                _delays[question] = delay;
                results.Add(ask is null ? await AskAsync(platform, question, delay, followerId) : await ask(platform, question, followerId));
            }

            return results;
        }));
        clock.Stop();

        await QuietAsync(); // let the last claim, history and statistics writes land before counting
        var all = outcomes.SelectMany(results => results).ToList();
        var memory = appProcessIds.Select(id => Process.GetProcessById(id).WorkingSet64 / (1024.0 * 1024.0)).ToList();
        var storageCalls = StorageCallsSince(storageCallsBefore);
        return new LoadResult(all, model.Requests.Count - requestsBefore, storageCalls.Values.Sum(), clock.Elapsed, AppCpuTime() - cpuBefore, memory, storageCalls);
    }

    public async Task<Outcome> AskAsync(WeChatPlatform platform, string question, TimeSpan modelDelay, string? followerId = null)
    {
        _delays[question] = modelDelay;
        var delivery = await platform.DeliverAsync(SignedPush.Text(question).From(followerId ?? WeChatClient.NewFollowerId()));
        var received = Stopwatch.GetTimestamp();
        var completed = model.Requests.LastOrDefault(request => request.LastUserMessage == question)?.CompletedAt;
        var delivered = delivery.Reply is { Status: System.Net.HttpStatusCode.OK } reply && !reply.IsSuccessWithoutReply && reply.Content == $"回答：{question}";
        return new Outcome(delivered, delivery.Attempt, completed is { } at ? Stopwatch.GetElapsedTime(at, received) : null);
    }

    /// <summary>Asks <paramref name="count"/> questions one after another, each answered with <paramref name="answer"/> at 400 characters a second.</summary>
    public async Task<FirstPageResult> FirstPagesAsync(WeChatPlatform platform, string answer, int count)
    {
        model.Reset(new FakeModelBehavior { Answer = _ => answer, ChunkCharacters = 8, ChunkInterval = TimeSpan.FromMilliseconds(20) });
        var firstPages = new List<FirstPage>();
        for (var question = 0; question < count; question++)
        {
            var delivery = await platform.DeliverAsync(SignedPush.Text($"长回答{question}").From(WeChatClient.NewFollowerId()));
            var shown = delivery.Reply is { } reply && !reply.IsSuccessWithoutReply && reply.Content.StartsWith("(1/", StringComparison.Ordinal);
            firstPages.Add(new FirstPage(shown, delivery.Attempt, delivery.Elapsed));
        }

        return new FirstPageResult(firstPages);
    }

    /// <summary>Waits until the app makes no storage call for a second, at most 30 s: an overloaded app catches up first.</summary>
    private async Task QuietAsync()
    {
        var clock = Stopwatch.StartNew();
        for (var calls = CountStorageCalls(); clock.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var now = CountStorageCalls();
            if (now == calls)
            {
                return;
            }

            calls = now;
        }
    }

    private TimeSpan AppCpuTime() =>
        appProcessIds.Select(id => Process.GetProcessById(id).TotalProcessorTime).Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    private int CountStorageCalls() => StorageRequests().Count();

    /// <summary>The storage calls after the first <paramref name="skip"/>, by kind: method, table, and a key or a query.</summary>
    private Dictionary<string, int> StorageCallsSince(int skip) =>
        StorageRequests().Skip(skip).GroupBy(KindOf, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    private IEnumerable<string> StorageRequests() =>
        File.ReadLines(storageLog).Where(line => line.Contains("TableStorageContextMiddleware: RequestMethod=", StringComparison.Ordinal));

    /// <summary>For example <c>GET WeChatReplies(key)</c>, <c>GET WeChatReplies?query</c> or <c>POST $batch</c>.</summary>
    private static string KindOf(string line)
    {
        var method = line.Split("RequestMethod=")[1].Split(' ')[0];
        var path = line.Split("RequestURL=")[1].Split(' ')[0].Split("/devstoreaccount1/")[1];
        var resource = path.Split('?', '(')[0];
        var shape = path.Contains("(PartitionKey=", StringComparison.Ordinal) ? "(key)" : path.Contains("$filter=", StringComparison.Ordinal) ? "?query" : "";
        return $"{method} {resource}{shape}";
    }
}

internal sealed record Outcome(bool Delivered, int Attempt, TimeSpan? CompleteToReceived);

/// <param name="AppCpu">CPU time of the app processes during the run, both together.</param>
/// <param name="ResidentMiB">Each app process's resident memory after the run.</param>
/// <param name="StorageCallsByKind">The storage calls by method, table and shape, for finding which to cut.</param>
internal sealed record LoadResult(
    IReadOnlyList<Outcome> Outcomes, int ModelCalls, int StorageCalls, TimeSpan Elapsed, TimeSpan AppCpu, IReadOnlyList<double> ResidentMiB, IReadOnlyDictionary<string, int> StorageCallsByKind)
{
    public bool AllDelivered => Outcomes.All(outcome => outcome.Delivered) && ModelCalls == Outcomes.Count;

    public double StorageCallsPerMessage => (double)StorageCalls / Outcomes.Count;

    public double CpuPerMessageMs => AppCpu.TotalMilliseconds / Outcomes.Count;

    public double DeliveredShare => (double)Outcomes.Count(outcome => outcome.Delivered) / Outcomes.Count;

    public double LatencyMs(double share) => Percentile(Outcomes.Select(outcome => outcome.CompleteToReceived).OfType<TimeSpan>().Order().ToList(), share);

    public void Print(string latencyLabel)
    {
        var latencies = Outcomes.Select(outcome => outcome.CompleteToReceived).OfType<TimeSpan>().Order().ToList();
        Console.WriteLine($"  messages {Outcomes.Count}, delivered {Outcomes.Count(outcome => outcome.Delivered)}, model calls {ModelCalls}, wall time {Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  attempts that answered: {string.Join(", ", Outcomes.GroupBy(outcome => outcome.Attempt).OrderBy(group => group.Key).Select(group => $"#{group.Key} x{group.Count()}"))}");
        Console.WriteLine($"  table storage calls {StorageCalls}, per message {(double)StorageCalls / Outcomes.Count:F2}");
        Console.WriteLine($"    {string.Join(", ", StorageCallsByKind.OrderByDescending(kind => kind.Value).Select(kind => $"{kind.Key} {(double)kind.Value / Outcomes.Count:F1}"))}");
        Console.WriteLine($"  app CPU {AppCpu.TotalMilliseconds:F0} ms, per message {AppCpu.TotalMilliseconds / Outcomes.Count:F1} ms; resident memory {string.Join(" / ", ResidentMiB.Select(mib => $"{mib:F0} MiB"))}");
        Console.WriteLine($"  answer complete -> reply received, {latencyLabel}: p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {Percentile(latencies, 1):F1} ms");
    }

    private static double Percentile(List<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)].TotalMilliseconds;
}

internal sealed record FirstPage(bool Shown, int Attempt, TimeSpan Elapsed);

/// <summary>When the first page of each long answer reached the follower, from the question's first arrival.</summary>
internal sealed record FirstPageResult(IReadOnlyList<FirstPage> FirstPages)
{
    public bool AllFirstPages => FirstPages.All(page => page.Shown);

    public TimeSpan Median => FirstPages.Select(page => page.Elapsed).Order().ElementAt(FirstPages.Count / 2);

    public void Print() => Console.WriteLine(
        $"  first page shown {FirstPages.Count(page => page.Shown)}/{FirstPages.Count}; question -> first page: median {Median.TotalSeconds:F1} s " +
        $"({string.Join(", ", FirstPages.Select(page => $"{page.Elapsed.TotalSeconds:F1} s on attempt {page.Attempt}"))})");
}
