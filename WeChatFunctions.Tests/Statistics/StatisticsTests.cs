using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>The daily figures behind <c>get_stat</c>, on storage of its own so the counts are this test's alone.</summary>
public sealed partial class StatisticsTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GetStatCountsEachKindOfEventOnceWhateverTheRetries()
    {
        var weChat = _fixture.StartApplication(settings => settings["daily_limit"] = "2").CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);
        var (first, second) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var subscribe = SignedPush.Event("subscribe").From(first);
        var question = SignedPush.Text("被重试的问题").From(first);

        await weChat.PushAsync(subscribe);
        await weChat.PushAsync(subscribe);
        await weChat.PushAsync(question);
        await weChat.PushAsync(question);
        await weChat.AskAsync(first, "第二个问题");
        await weChat.AskAsync(first, "超额的问题");
        var answered = _fixture.Model.Requests.ToList();
        _fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 500 });
        await weChat.AskAsync(second, "失败的问题");

        Assert.Equal(2, answered.Count);
        Assert.All(answered, request => Assert.True(request.IncludeUsage, "the app asks for usage when streaming"));
        var tokens = $"{answered.Sum(request => request.PromptTokens)}+{answered.Sum(request => request.CompletionTokens("回答：" + request.LastUserMessage))}";
        var statistics = await admin.StatisticsShowingAsync("新关注 1");
        var today = TodayLine().Match(statistics).Value;
        Assert.Equal($"今天：消息 4，回答 2，活跃 2 人，token {tokens}，模型错误 1，超额 1，限速 0，拦截 问0/答0，新关注 1，关键词回复 0", today);
        Assert.Contains("昨天：消息 0，", statistics, StringComparison.Ordinal);
        Assert.Contains($"近7天：消息 4，回答 2，活跃 2 人天，token {tokens}", statistics, StringComparison.Ordinal);
        Assert.Contains($"累计：消息 4，回答 2，活跃 2 人天", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiguresWhoseWritesLostTheirResponsesAreCountedOnce()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(_fixture.Storage);
        var weChat = _fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(_fixture.Storage)).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);
        // Every other statistics write lands, and its response is lost: the SDK's retry meets its own write.
        var writes = 0;
        proxy.InjectWhen(request => IsStatisticsWrite(request) && Interlocked.Increment(ref writes) % 2 == 1 ? StorageFault.AfterForwarding : StorageFault.None);
        var (first, second) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());

        await weChat.AskAsync(first, "第一个问题");
        await weChat.AskAsync(first, "第二个问题");
        await weChat.AskAsync(second, "第三个问题");
        var statistics = await admin.StatisticsShowingAsync("回答 3");

        Assert.True(proxy.Faults >= 2, $"{proxy.Faults} faults");
        Assert.StartsWith("今天：消息 3，回答 3，活跃 2 人，", TodayLine().Match(statistics).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteThatReachesStorageAfterANewerOneCannotTakeTheFiguresBack()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(_fixture.Storage);
        var weChat = _fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(_fixture.Storage)).CreateWeChatClient();
        var follower = WeChatClient.NewFollowerId();
        // The first replace of this instance's totals hangs until the app gives up on it, and lands after its retry and the next write.
        var replaces = 0;
        proxy.InjectWhen(request => HttpMethods.IsPut(request.Method) && request.Path.Value!.Contains("writer-", StringComparison.Ordinal) && Interlocked.Increment(ref replaces) == 1
            ? StorageFault.Late
            : StorageFault.None);

        await weChat.AskAsync(follower, "第一个问题");
        await Task.Delay(StatisticsFlush.EverySecond.Interval * 2); // written: the row exists, so the next write replaces it
        await weChat.AskAsync(follower, "第二个问题");
        await Task.Delay(StatisticsFlush.EverySecond.Interval * 2); // its write hangs now
        await weChat.AskAsync(follower, "第三个问题");
        await Task.Delay(TimeSpan.FromSeconds(3) + StorageFaultProxy.LateBy + (StatisticsFlush.EverySecond.Interval * 3));
        var statistics = await AdminConsole.NewAdmin(_fixture.StartApplication().CreateWeChatClient()).RunAsync("get_stat");

        Assert.Equal(1, proxy.Faults);
        Assert.StartsWith("今天：消息 3，回答 3，活跃 1 人，", TodayLine().Match(statistics).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceThatStopsWritesTheFiguresItHasNotWrittenYet()
    {
        var stopping = _fixture.StartApplication(replaceServices: services => services.AddSingleton(new StatisticsFlush(TimeSpan.FromHours(1))));
        var follower = WeChatClient.NewFollowerId();
        await stopping.CreateWeChatClient().AskAsync(follower, "关停前的问题");
        await stopping.CreateWeChatClient().AskAsync(follower, "关停前的第二个问题");

        await stopping.DisposeAsync();
        var statistics = await AdminConsole.NewAdmin(_fixture.StartApplication().CreateWeChatClient()).RunAsync("get_stat");

        Assert.StartsWith("今天：消息 2，回答 2，活跃 1 人，", TodayLine().Match(statistics).Value, StringComparison.Ordinal);
        Assert.Matches("\n模型用时（近7天）：第一个字 P50 [0-9]+\\.[0-9] 秒，回答完整 P50 [0-9]+\\.[0-9] 秒、P90 [0-9]+\\.[0-9] 秒(\n|$)", statistics);
    }

    [Fact]
    public async Task ABurstOfMessagesCostsAFewStatisticsWritesNotSomeForEachMessage()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(_fixture.Storage);
        var weChat = _fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(_fixture.Storage)).CreateWeChatClient();
        var writes = 0;
        proxy.InjectWhen(request =>
        {
            if (IsStatisticsWrite(request))
            {
                Interlocked.Increment(ref writes);
            }

            return StorageFault.None;
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var follower = WeChatClient.NewFollowerId();
            for (var question = 0; question < 10; question++)
            {
                await weChat.AskAsync(follower, $"问题{question}");
            }
        }));
        var statistics = await AdminConsole.NewAdmin(weChat).RunAsync("get_stat");

        Assert.StartsWith("今天：消息 40，回答 40，活跃 4 人，", TodayLine().Match(statistics).Value, StringComparison.Ordinal);
        // Four marks of who was active, and one write of the totals a second: the app wrote two or three per message before.
        Assert.InRange(writes, 5, 20);
    }

    private static bool IsStatisticsWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && request.Path.Value!.Contains("/WeChatStatistics", StringComparison.Ordinal);

    [GeneratedRegex("今天：[^\n]*")]
    private static partial Regex TodayLine();
}
