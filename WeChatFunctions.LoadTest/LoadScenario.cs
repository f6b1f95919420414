using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// The load scenario of the performance issue, run on one build of the app: two instances over one Azurite and the
/// fake model; followers asking through WeChat's retry pattern (model delays 0.2-1.7 s); 20 questions whose answers
/// take longer than one attempt, asked on instance A and retried on B; long answers streamed at 400 characters a
/// second; and, last, optionally, a peak load, which may be more than this machine can serve.
/// </summary>
internal static class LoadScenario
{
    /// <summary>3000 characters in paragraphs of sentences, as a model writes a long answer.</summary>
    public static readonly string LongAnswer = string.Concat(Enumerable.Range(1, 20).Select(paragraph =>
        string.Concat(Enumerable.Range(1, 6).Select(sentence => $"第{paragraph:D2}段第{sentence}句，这是一个用来测量长回答第一页的句子。")) + "\n\n"))[..3000];

    public const int WarmUpFollowers = 20;

    public const int WarmUpMessages = 10;

    /// <summary>How many messages a run sends in all: two first ones, the warm-up, the load, 20 across instances, 5 long answers and the peak.</summary>
    public static int MessageCount(int followers, int messagesPerFollower, (int Followers, int Messages)? peak) =>
        2 + (WarmUpFollowers * WarmUpMessages) + (followers * messagesPerFollower) + 20 + 5 + (peak is var (peakFollowers, peakMessages) ? peakFollowers * peakMessages : 0);

    /// <param name="assembly">The published app to run, or <see langword="null"/> for the build beside this tool.</param>
    /// <param name="extraSettings">Settings, or runtime variables, added to both instances' environment.</param>
    public static async Task<ScenarioResult> RunAsync(
        string? assembly, int followers, int messagesPerFollower, (int Followers, int Messages)? peak, bool print, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var storageLog = Path.GetTempFileName();
        await using var storage = await AzuriteServer.StartAsync(storageLog);
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["chat_gpt_timeout_seconds"] = "30";
        settings["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        await using var first = await WeChatInstance.StartAsync(settings, assembly);
        await using var second = await WeChatInstance.StartAsync(settings, assembly);
        var instances = new[] { first.WeChat, second.WeChat };
        var run = new LoadRun(model, storageLog, [first.ProcessId, second.ProcessId]);

        // Warm up both instances (JIT tiers, connections, table creation) so the numbers below are steady-state.
        await run.AskAsync(new WeChatPlatform(first.WeChat), "warm-up-1", TimeSpan.Zero);
        await run.AskAsync(new WeChatPlatform(second.WeChat), "warm-up-2", TimeSpan.Zero);
        await run.MeasureAsync(WarmUpFollowers, WarmUpMessages, (follower, message) =>
            (new WeChatPlatform(instances[(follower + message) % 2], instances[(follower + message + 1) % 2]), TimeSpan.FromMilliseconds(200)));

        var random = new Random(20261124);
        var delays = Enumerable.Range(0, followers * messagesPerFollower).Select(_ => TimeSpan.FromMilliseconds(random.Next(200, 1701))).ToArray();
        var load = await run.MeasureAsync(followers, messagesPerFollower, (follower, message) =>
            (new WeChatPlatform(instances[(follower + message) % 2], instances[(follower + message + 1) % 2]), delays[(follower * messagesPerFollower) + message]));
        var across = await run.MeasureAsync(20, 1, (follower, _) =>
            (new WeChatPlatform(first.WeChat, second.WeChat), TimeSpan.FromMilliseconds(5200 + (follower * 30))));
        var longAnswers = await run.FirstPagesAsync(new WeChatPlatform(first.WeChat, second.WeChat), LongAnswer, 5);
        var peakLoad = peak is var (peakFollowers, peakMessages)
            ? await run.MeasureAsync(peakFollowers, peakMessages, (follower, message) =>
                (new WeChatPlatform(instances[(follower + message) % 2], instances[(follower + message + 1) % 2]), TimeSpan.FromMilliseconds(random.Next(200, 1701))))
            : null;
        var memory = new[] { ResidentMemory.Of(first.ProcessId), ResidentMemory.Of(second.ProcessId) };
        if (print)
        {
            Console.WriteLine($"Load: {followers} followers x {messagesPerFollower} messages, two instances, model delays 0.2-1.7 s");
            load.Print("same instance (answer on attempt 1)");
            Console.WriteLine();
            Console.WriteLine("Across instances: 20 followers, model delays 5.2-5.8 s, attempt 1 on instance A, attempt 2 on instance B");
            across.Print("across instances (answer on attempt 2)");
            Console.WriteLine();
            Console.WriteLine($"Long answers: {LongAnswer.Length} characters at 400 characters/s, 5 followers one after another");
            longAnswers.Print();
            if (peakLoad is not null)
            {
                Console.WriteLine();
                Console.WriteLine($"Peak: {peak!.Value.Followers} followers x {peak.Value.Messages} messages, two instances, model delays 0.2-1.7 s");
                peakLoad.Print("same instance (answer on attempt 1)");
            }
        }

        return new ScenarioResult(load, across, longAnswers, peakLoad, memory);
    }
}

/// <param name="Peak">The peak load's result, when there was one; being more than the machine serves, it does not count toward <see cref="AllDelivered"/>.</param>
/// <param name="Memory">Each instance's resident memory after the whole run.</param>
internal sealed record ScenarioResult(LoadResult Load, LoadResult Across, FirstPageResult LongAnswers, LoadResult? Peak, IReadOnlyList<ResidentMemory> Memory)
{
    public bool AllDelivered => Load.AllDelivered && Across.AllDelivered && LongAnswers.AllFirstPages;
}
