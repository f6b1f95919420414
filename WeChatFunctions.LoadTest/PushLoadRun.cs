using System.Collections.Concurrent;
using System.Diagnostics;
using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// reply_mode customer_service under load: two instances, one verified account played by the simulator's API server,
/// followers asking one question after another. What each pushed answer cost the app, and how soon after the model
/// finished it reached WeChat's API; every answer must arrive once.
/// </summary>
internal static class PushLoadRun
{
    public static async Task<int> RunAsync(int followers, int messagesPerFollower)
    {
        var storageLog = Path.GetTempFileName();
        await using var storage = await AzuriteServer.StartAsync(storageLog);
        await using var model = await FakeModelServer.StartAsync();
        await using var account = VerifiedAccount.Start();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        account.Configure(settings, "customer_service");
        settings["chat_gpt_timeout_seconds"] = "30";
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var first = await WeChatInstance.StartAsync(settings);
        await using var second = await WeChatInstance.StartAsync(settings);
        var instances = new[] { first.WeChat, second.WeChat };
        var run = new LoadRun(model, storageLog, [first.ProcessId, second.ProcessId]);
        var pushed = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        account.Api.Pushed += push => pushed.GetOrAdd(push.Content, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(Stopwatch.GetTimestamp());

        async Task<Outcome> AskAsync(WeChatPlatform platform, string question, string followerId)
        {
            var arrival = pushed.GetOrAdd($"回答：{question}", _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
            account.Api.Rules.FollowerWrote(followerId, DateTimeOffset.UtcNow); // each message opens a new window of 5
            var delivery = await platform.DeliverAsync(SignedPush.Text(question).From(followerId));
            var acknowledged = delivery.Reply is { IsSuccessWithoutReply: true };
            var pushedAt = await arrival.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var completed = model.Requests.LastOrDefault(request => request.LastUserMessage == question)?.CompletedAt;
            return new Outcome(acknowledged, delivery.Attempt, completed is { } at ? Stopwatch.GetElapsedTime(at, pushedAt) : null);
        }

        (WeChatPlatform, TimeSpan) Plan(int follower, int message) => (new WeChatPlatform(instances[(follower + message) % 2]), TimeSpan.FromMilliseconds(200 + (follower * 37 % 1500)));
        await run.MeasureAsync(LoadScenario.WarmUpFollowers, LoadScenario.WarmUpMessages, Plan, AskAsync);
        var load = await run.MeasureAsync(followers, messagesPerFollower, Plan, AskAsync);

        Console.WriteLine($"Pushed answers: {followers} followers x {messagesPerFollower} questions, two instances in customer_service mode, model delays 0.2-1.7 s");
        load.Print("answer complete -> customer-service message at WeChat's API");
        var messages = account.Api.Pushes.Where(push => push.ErrorCode == 0).GroupBy(push => push.Content).ToList();
        Console.WriteLine($"  customer-service messages {messages.Sum(group => group.Count())}, sent twice {messages.Count(group => group.Count() > 1)}; stable_token calls {account.Api.StableTokenCalls}, token rejections {account.Api.TokenRejections}");
        foreach (var line in (first.Output + second.Output).Split('\n').Where(line => line.Contains("warn:", StringComparison.Ordinal) || line.Contains("fail:", StringComparison.Ordinal)).Take(10))
        {
            Console.WriteLine($"  app: {line.Trim()}");
        }

        return load.AllDelivered && messages.All(group => group.Count() == 1) ? 0 : 1;
    }
}
