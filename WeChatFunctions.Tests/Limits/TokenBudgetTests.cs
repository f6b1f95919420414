using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>Tokens recorded per follower per day from the API's usage, and the per-follower daily token limit.</summary>
public sealed class TokenBudgetTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task EachAnswersTokensAreAddedToTheFollowersDayAsTheApiReportedThem()
    {
        await Fixture.WeChat.AskAsync(Follower, "第一个问题");
        await Fixture.WeChat.AskAsync(Follower, "第二个问题，长一点点");

        var requests = Fixture.Model.Requests;
        Assert.Equal(2, requests.Count);
        var expected = (requests.Sum(request => (long)request.PromptTokens), requests.Sum(request => (long)request.CompletionTokens("回答：" + request.LastUserMessage)));
        Assert.True(expected.Item1 > 0 && expected.Item2 > 0);
        Assert.Equal(expected, await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task OnceTheDailyTokenLimitIsReachedTheNextQuestionGetsTheOverQuotaMessageWithoutAModelCall()
    {
        var whiteListed = WeChatClient.NewFollowerId();
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["daily_token_limit"] = "10";
            settings["white_list_user_ids"] = whiteListed;
            settings["admin_email"] = "owner@example.com";
        }).CreateWeChatClient();

        Assert.Equal("回答：用掉额度的问题", await weChat.AskAsync(Follower, "用掉额度的问题"));
        var refused = await weChat.AskAsync(Follower, "超出额度的问题");
        var usage = await weChat.AskAsync(Follower, "/usage");

        Assert.StartsWith("今天的用量（10 token）已经用完了，约 ", refused, StringComparison.Ordinal);
        Assert.Contains("owner@example.com", refused, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.RequestsAbout("超出额度的问题"));
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        var (prompt, completion) = await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower);
        Assert.Contains($"今天已用 {prompt + completion} token，还剩 0（每天 10）。", usage, StringComparison.Ordinal);

        await weChat.AskAsync(whiteListed, "白名单的第一个问题");
        Assert.Equal("回答：白名单的第二个问题", await weChat.AskAsync(whiteListed, "白名单的第二个问题"));
    }
}
