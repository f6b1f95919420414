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
    public async Task AQuestionIsAnsweredOnlyWhileWhatItCanCostFitsWhatIsLeftOfTheDailyTokenLimit()
    {
        var whiteListed = WeChatClient.NewFollowerId();
        var weChat = Fixture.StartApplication(settings =>
        {
            ReservationSettings.Apply(settings);
            settings["daily_token_limit"] = "200";
            settings["white_list_user_ids"] = whiteListed;
            settings["admin_email"] = "owner@example.com";
        }).CreateWeChatClient();

        var answered = 0;
        string reply;
        while ((reply = await weChat.AskAsync(Follower, $"第{answered + 1}个用额度的问题")).StartsWith("回答：", StringComparison.Ordinal) && answered < 10)
        {
            answered++;
        }

        var usage = await weChat.AskAsync(Follower, "/usage");
        var (prompt, completion) = await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower);
        var used = prompt + completion;

        Assert.InRange(answered, 2, 6);
        Assert.StartsWith("今天剩下的 token 额度（每天 200）不够再回答一个问题了，约 ", reply, StringComparison.Ordinal);
        Assert.Contains("owner@example.com", reply, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.RequestsAbout($"第{answered + 1}个用额度的问题"));
        Assert.Equal(answered, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        // Refused while tokens were left, because the question's prompt and longest answer would not fit them.
        Assert.InRange(used, 1, 200 - 1);
        Assert.Contains($"今天已用 {used} token，还剩 {200 - used}（每天 200）。", usage, StringComparison.Ordinal);
        Assert.Equal("回答：白名单的问题", await weChat.AskAsync(whiteListed, "白名单的问题"));
    }

    [Fact]
    public async Task QuestionsAskedAtOnceCannotTogetherOvershootTheDailyTokenLimit()
    {
        var replies = await ReservationSettings.AskFiveAtOnceAsync(Fixture, "daily_token_limit", _ => Follower);

        var (prompt, completion) = await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower);
        Assert.Equal(2, replies.Count(reply => reply.StartsWith("回答：", StringComparison.Ordinal)));
        Assert.Equal(3, replies.Count(reply => reply.StartsWith("今天剩下的 token 额度", StringComparison.Ordinal)));
        Assert.Equal(2, Fixture.Model.Requests.Count);
        Assert.InRange(prompt + completion, 1, 100);
    }
}
