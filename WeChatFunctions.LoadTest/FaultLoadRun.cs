using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// The storage-fault run of the hardening issue: two instances whose Table Storage sits behind a proxy that answers
/// 503 before forwarding 5% of requests and after forwarding 2% (the write landed, its response was lost), many
/// followers, and one instance killed with SIGKILL a third of the way in. Each follower asks, and sends 「继续」 as a
/// follower would while the answer has not arrived. The run counts the answers the model produced that never reached
/// their follower, answers that reached them twice, and questions charged other than once.
/// </summary>
internal static class FaultLoadRun
{
    private const double FaultBeforeForwarding = 0.05;

    private const double FaultAfterForwarding = 0.02;

    /// <summary>A follower who got no answer sends 「继续」 this many times, a few seconds apart, before giving up.</summary>
    private const int MaxContinues = 4;

    private static readonly TimeSpan ContinueAfter = TimeSpan.FromSeconds(3);

    /// <param name="kill">Whether to kill an instance; without, every question should take one model call.</param>
    public static async Task<int> RunAsync(int followers, int messagesPerFollower, bool kill)
    {
        await using var storage = await AzuriteServer.StartAsync(Path.GetTempFileName());
        await using var proxy = StorageFaultProxy.InFrontOf(storage);
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(storage);
        settings["chat_gpt_timeout_seconds"] = "30";
        settings["daily_limit"] = "0";
        settings["rate_limit_per_minute"] = "0";
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var doomed = await WeChatInstance.StartAsync(settings);
        await using var survivor = await WeChatInstance.StartAsync(settings);
        foreach (var instance in new[] { doomed, survivor })
        {
            await new WeChatPlatform(instance.WeChat).DeliverAsync(SignedPush.Text("warm-up").From(WeChatClient.NewFollowerId()));
        }

        var faults = new Random(20261130);
        proxy.InjectWhen(_ =>
        {
            lock (faults)
            {
                var roll = faults.NextDouble();
                return roll < FaultBeforeForwarding ? StorageFault.BeforeForwarding
                    : roll < FaultBeforeForwarding + FaultAfterForwarding ? StorageFault.AfterForwarding
                    : StorageFault.None;
            }
        });

        // Most answers take 0.2-1.7 s; one in five takes 5.5-9 s, so that attempt 2, takeovers and 「继续」 all happen.
        var delays = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var timing = new Random(20261124);
        model.Reset(new FakeModelBehavior { FirstTokenDelayOf = request => delays.GetValueOrDefault(request.LastUserMessage) });

        var total = followers * messagesPerFollower;
        var started = 0;
        var killed = 0;
        Console.WriteLine($"Faults: {followers} followers x {messagesPerFollower} messages, two instances, 503 before forwarding {FaultBeforeForwarding:P0} and after {FaultAfterForwarding:P0} of table requests, {(kill ? "one instance killed a third of the way in" : "no instance killed")}");
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, followers).Select(async follower =>
        {
            var followerId = WeChatClient.NewFollowerId();
            var conversation = new FollowerConversation(followerId);
            for (var message = 0; message < messagesPerFollower; message++)
            {
                var question = $"{followerId}-{message}";
                lock (timing)
                {
                    delays[question] = TimeSpan.FromMilliseconds(timing.Next(5) == 0 ? timing.Next(5500, 9001) : timing.Next(200, 1701));
                }

                if (Interlocked.Increment(ref started) == total / 3 && kill)
                {
                    await doomed.KillAsync();
                    Interlocked.Exchange(ref killed, 1);
                    Console.WriteLine($"  killed one instance at {clock.Elapsed.TotalSeconds:F1} s");
                }

                WeChatClient Route(int attempt) => Volatile.Read(ref killed) == 1 || (follower + message + attempt) % 2 == 0 ? survivor.WeChat : doomed.WeChat;
                await conversation.AskAsync(question, Route);
            }

            return conversation;
        }));
        clock.Stop();
        proxy.InjectWhen(_ => StorageFault.None);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the last settlements land

        var report = await FaultReport.MeasureAsync(results, model, storage);
        Console.WriteLine($"  wall time {clock.Elapsed.TotalSeconds:F1} s, storage faults injected {proxy.Faults}");
        report.Print();
        return report.IsClean ? 0 : 1;
    }

    /// <summary>One follower's side of the chat: what they asked and every text they saw.</summary>
    internal sealed class FollowerConversation(string followerId)
    {
        public string FollowerId => followerId;

        public List<string> Questions { get; } = [];

        public List<string> Texts { get; } = [];

        public Dictionary<string, string> HowAnswered { get; } = new(StringComparer.Ordinal);

        public async Task AskAsync(string question, Func<int, WeChatClient> route)
        {
            Questions.Add(question);
            var expected = $"回答：{question}";
            var platform = new WeChatPlatform();
            var delivery = await platform.DeliverAsync(SignedPush.Text(question).From(followerId), route);
            See(delivery);
            if (Texts.Any(text => text.Contains(expected, StringComparison.Ordinal)))
            {
                HowAnswered[question] = $"attempt {delivery.Attempt}";
                return;
            }

            for (var continues = 1; continues <= MaxContinues; continues++)
            {
                await Task.Delay(ContinueAfter);
                See(await new WeChatPlatform().DeliverAsync(SignedPush.Text("继续").From(followerId), route));
                if (Texts.Any(text => text.Contains(expected, StringComparison.Ordinal)))
                {
                    HowAnswered[question] = $"继续 {continues}";
                    return;
                }
            }
        }

        private void See(WeChatFunctions.Tests.Infrastructure.Delivery delivery) => Texts.Add(delivery.Reply switch
        {
            null => "(WeChat: 该公众号暂时无法提供服务)",
            { Status: HttpStatusCode.OK, IsSuccessWithoutReply: true } => "",
            { Status: HttpStatusCode.OK } reply => reply.Content,
            var reply => $"(HTTP {(int)reply.Status})",
        });
    }
}

/// <summary>What the fault run found, from the followers' chats, the fake model's requests and the usage rows.</summary>
internal sealed record FaultReport(
    int Questions, int Produced, int Delivered, int Lost, int Duplicated, int ModelCalls, IReadOnlyDictionary<int, int> CallsPerQuestion, int ChargedOtherThanOnce, IReadOnlyDictionary<string, int> HowAnswered, IReadOnlyList<string> Odd)
{
    public bool IsClean => Lost == 0 && Duplicated == 0 && ChargedOtherThanOnce == 0;

    public static async Task<FaultReport> MeasureAsync(IReadOnlyList<FaultLoadRun.FollowerConversation> conversations, FakeModelServer model, AzuriteServer storage)
    {
        var usage = new TableServiceClient(storage.ConnectionString).GetTableClient("WeChatUsage");
        var followerTable = new TableServiceClient(storage.ConnectionString).GetTableClient("WeChatReplies");
        int questions = 0, produced = 0, delivered = 0, lost = 0, duplicated = 0, chargedOtherThanOnce = 0;
        var odd = new List<string>();
        foreach (var conversation in conversations)
        {
            var producedHere = 0;
            foreach (var question in conversation.Questions)
            {
                questions++;
                var calls = CallsAbout(model, question);
                var seen = conversation.Texts.Sum(text => Occurrences(text, $"回答：{question}"));
                producedHere += calls > 0 ? 1 : 0;
                produced += calls > 0 ? 1 : 0;
                delivered += seen > 0 ? 1 : 0;
                if (calls > 0 && seen == 0)
                {
                    lost++;
                    var replies = new TableServiceClient(storage.ConnectionString).GetTableClient("WeChatReplies");
                    await foreach (var row in replies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {conversation.FollowerId}")))
                    {
                        odd.Add($"  row {row.RowKey}: {row.GetString("Question")} {row.GetString("Status")} first {row.GetDateTimeOffset("FirstArrival"):HH:mm:ss.fff} stamp {row.Timestamp:HH:mm:ss.fff}");
                    }

                    odd.Add($"lost {question}: {string.Join(" | ", conversation.Texts.Take(MaxShown))}");
                }

                if (calls == 0)
                {
                    odd.Add($"never answered {question}: {string.Join(" | ", conversation.Texts.Take(MaxShown))}");
                }

                if (seen > 1)
                {
                    duplicated++;
                    odd.Add($"twice {question}");
                }
            }

            // The follower's usage row in the follower table, or day rows in WeChatUsage for an account that began before it.
            long charged = 0;
            var usageRow = await followerTable.GetEntityIfExistsAsync<TableEntity>(conversation.FollowerId, "usage");
            charged += usageRow.HasValue ? usageRow.Value!.GetInt32("Questions") ?? 0 : 0;
            await foreach (var row in usage.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {conversation.FollowerId}")))
            {
                charged += row.GetInt32("Questions") ?? 0;
            }

            if (charged != producedHere)
            {
                chargedOtherThanOnce++;
                odd.Add($"charged {charged} for {producedHere} answers: {conversation.FollowerId}");
            }
        }

        var howAnswered = conversations.SelectMany(conversation => conversation.HowAnswered.Values)
            .GroupBy(how => how).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count());
        var modelCalls = conversations.Sum(conversation => conversation.Questions.Sum(question => CallsAbout(model, question)));
        var callsPerQuestion = conversations.SelectMany(conversation => conversation.Questions).GroupBy(question => CallsAbout(model, question))
            .OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());
        return new FaultReport(questions, produced, delivered, lost, duplicated, modelCalls, callsPerQuestion, chargedOtherThanOnce, howAnswered, odd);
    }

    public void Print()
    {
        Console.WriteLine($"  questions {Questions}, answered by the model {Produced} ({ModelCalls} model calls: {string.Join(", ", CallsPerQuestion.Select(entry => $"{entry.Value} questions x{entry.Key}"))}), delivered {Delivered}");
        Console.WriteLine($"  how they arrived: {string.Join(", ", HowAnswered.Select(entry => $"{entry.Key} x{entry.Value}"))}");
        Console.WriteLine($"  lost {Lost}, delivered twice {Duplicated}, followers charged other than once per answer {ChargedOtherThanOnce}");
        foreach (var line in Odd.Take(20))
        {
            Console.WriteLine($"    {line}");
        }
    }

    private const int MaxShown = 6;

    /// <summary>Requests asking <paramref name="question"/> itself, rather than carrying it in their history.</summary>
    private static int CallsAbout(FakeModelServer model, string question) =>
        model.Requests.Count(request => request.Messages.Last(message => message.Role == "user" && message.Content != WeChatFunctions.Dialog.Prompt.ContinueInstruction).Content == question);

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
