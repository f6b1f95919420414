using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Keyword replies under load: two instances, one contains rule, followers sending messages that fire it. What a
/// keyword reply costs the app and how long it takes, with no model call.
/// </summary>
internal static class KeywordLoadRun
{
    private const string Reply = "价格表见 https://example.com/price";

    public static async Task<int> RunAsync(int followers, int messagesPerFollower)
    {
        var storageLog = Path.GetTempFileName();
        await using var storage = await AzuriteServer.StartAsync(storageLog);
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var first = await WeChatInstance.StartAsync(settings);
        await using var second = await WeChatInstance.StartAsync(settings);
        var instances = new[] { first.WeChat, second.WeChat };
        await AdminConsole.NewAdmin(first.WeChat).RunAsync("add_keyword", $"contains 价格,多少钱\n{Reply}");
        var run = new LoadRun(model, storageLog, [first.ProcessId, second.ProcessId]);

        async Task<Outcome> AskAsync(WeChatPlatform platform, string question, string followerId)
        {
            var delivery = await platform.DeliverAsync(SignedPush.Text($"{question} 多少钱").From(followerId));
            return new Outcome(delivery.Reply is { IsSuccessWithoutReply: false } reply && reply.Content == Reply, delivery.Attempt, delivery.Elapsed);
        }

        (WeChatPlatform, TimeSpan) Plan(int follower, int message) => (new WeChatPlatform(instances[(follower + message) % 2]), TimeSpan.Zero);
        await run.MeasureAsync(LoadScenario.WarmUpFollowers, LoadScenario.WarmUpMessages, Plan, AskAsync);
        var load = await run.MeasureAsync(followers, messagesPerFollower, Plan, AskAsync);

        Console.WriteLine($"Keyword replies: {followers} followers x {messagesPerFollower} messages, two instances, one contains rule");
        load.Print("question sent -> keyword reply received");
        return load.Outcomes.All(outcome => outcome.Delivered) && load.ModelCalls == 0 ? 0 : 1;
    }
}
