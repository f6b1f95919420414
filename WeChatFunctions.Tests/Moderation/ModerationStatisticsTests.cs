using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Moderation;

/// <summary>Blocked questions and answers in <c>get_stat</c>, on storage of its own so the counts are this test's alone.</summary>
public sealed class ModerationStatisticsTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task BlockedQuestionsAndAnswersAreCountedAndTheBlockedAnswersTokensStillCount()
    {
        var weChat = _fixture.StartApplication(settings =>
        {
            settings["moderation"] = "keywords";
            settings["banned_words"] = "违禁词";
        }).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);
        var follower = WeChatClient.NewFollowerId();
        _fixture.Model.Reset(new FakeModelBehavior { Answer = request => request.LastUserMessage.Contains("引出", StringComparison.Ordinal) ? "这里有违禁词。" : "正常回答。" });

        await weChat.AskAsync(follower, "问题里有违禁词");
        await weChat.AskAsync(follower, "一个引出坏回答的问题");
        await weChat.AskAsync(follower, "一个正常问题");

        var statistics = await admin.StatisticsShowingAsync("拦截 问1/答1");
        var requests = _fixture.Model.Requests;
        Assert.Equal(2, requests.Count);
        var tokens = $"{requests.Sum(request => request.PromptTokens)}+{requests.Sum(request => request.CompletionTokens(request.LastUserMessage.Contains("引出", StringComparison.Ordinal) ? "这里有违禁词。" : "正常回答。"))}";
        Assert.Contains($"今天：消息 3，回答 1，活跃 1 人，token {tokens}，模型错误 0，超额 0，限速 0，拦截 问1/答1，", statistics, StringComparison.Ordinal);
    }
}
