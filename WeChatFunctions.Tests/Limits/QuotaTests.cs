using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>The daily question limit: charged once per answered question, whatever WeChat's retries do.</summary>
public sealed class QuotaTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AQuestionOverTheDailyLimitIsRefusedWithoutAModelCall()
    {
        var weChat = LimitedTo(2, settings => settings["admin_email"] = "owner@example.com");

        await weChat.AskAsync(Follower, "第一问");
        await weChat.AskAsync(Follower, "第二问");
        var refused = await weChat.AskAsync(Follower, "第三问");

        Assert.StartsWith("今天的提问次数（2 次）已经用完了", refused, StringComparison.Ordinal);
        Assert.Contains("0 点", refused, StringComparison.Ordinal);
        Assert.Contains("owner@example.com", refused, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.RequestsAbout("第三问"));
        Assert.Equal(2, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AQuestionAnsweredOnWeChatsSecondAttemptIsChargedOnce()
    {
        var weChat = LimitedTo(2);
        var platform = new WeChatPlatform(weChat);
        Fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 2, after: TimeSpan.FromSeconds(1)));

        var delivery = await platform.DeliverAsync(SignedPush.Text("慢问题").From(Follower));

        Assert.Equal(2, delivery.Attempt);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AQuestionTheModelFailedToAnswerCostsNothing()
    {
        var weChat = LimitedTo(1);
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 500, Failures = 1 });

        var apology = await weChat.AskAsync(Follower, "失败的问题");
        var answer = await weChat.AskAsync(Follower, "再问一次");

        Assert.Contains("抱歉", apology, StringComparison.Ordinal);
        Assert.Equal("回答：再问一次", answer);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task WhitelistedFollowersAndAdminsHaveNoLimit()
    {
        var admin = WeChatClient.NewFollowerId();
        var weChat = LimitedTo(1, settings =>
        {
            settings["white_list_user_ids"] = $"someone-else,{Follower}";
            settings["admin_user_ids"] = admin;
        });

        for (var question = 0; question < 3; question++)
        {
            Assert.StartsWith("回答：", await weChat.AskAsync(Follower, $"白名单问题{question}"), StringComparison.Ordinal);
            Assert.StartsWith("回答：", await weChat.AskAsync(admin, $"管理员问题{question}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CommandsLikeContinueCostNothing()
    {
        var weChat = LimitedTo(1);

        await weChat.AskAsync(Follower, "唯一的问题");
        var reply = await weChat.AskAsync(Follower, "继续");

        Assert.StartsWith("没有需要继续查看的内容了", reply, StringComparison.Ordinal);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    private WeChatClient LimitedTo(int dailyLimit, Action<Dictionary<string, string?>>? changeSettings = null) =>
        Fixture.StartApplication(settings =>
        {
            settings["daily_limit"] = dailyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            changeSettings?.Invoke(settings);
        }).CreateWeChatClient();
}
