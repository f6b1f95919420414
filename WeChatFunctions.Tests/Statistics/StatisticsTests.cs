using System.Text.RegularExpressions;
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
        Assert.Equal($"今天：消息 4，回答 2，活跃 2 人，token {tokens}，模型错误 1，超额 1，限速 0，拦截 问0/答0，新关注 1", today);
        Assert.Contains("昨天：消息 0，", statistics, StringComparison.Ordinal);
        Assert.Contains($"近7天：消息 4，回答 2，活跃 2 人天，token {tokens}", statistics, StringComparison.Ordinal);
        Assert.Contains($"累计：消息 4，回答 2，活跃 2 人天", statistics, StringComparison.Ordinal);
    }

    [GeneratedRegex("今天：[^\n]*")]
    private static partial Regex TodayLine();
}
