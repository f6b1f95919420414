using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>Customer-service messages that WeChat refuses: the answer falls back to 「继续」, loses nothing, and the admins are told.</summary>
public sealed class PushFallbackTests(WeChatFixture fixture) : VerifiedAccountTest(fixture, "customer_service")
{
    [Theory]
    [InlineData(45015)] // the 48-hour window is closed
    [InlineData(48001)] // the account has no permission for the API
    [InlineData(45047)] // the messages allowed for the follower's message are used up
    public async Task ARefusedPushLeavesTheAnswerForContinueAndSendsNothingTwice(int errorCode)
    {
        Account.Api.Fault = call => call == "message/custom/send" ? errorCode : null;

        var acknowledged = await WeChat.PushAsync(SignedPush.Text("被拒的推送").From(Follower));
        var attempts = await Account.AttemptedToAsync(Follower, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var continued = await WeChat.AskAsync(Follower, "继续");

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Single(attempts);
        Assert.Equal("回答：被拒的推送", continued);
        Assert.Single(Fixture.Model.RequestsAbout("被拒的推送"));
        Assert.Single(Account.Api.Pushes, push => push.OpenId == Follower);
    }

    [Fact]
    public async Task AfterAnAccountWideRefusalNewQuestionsAreAnsweredPassivelyWithoutCallingTheApiAgain()
    {
        Account.Api.Fault = call => call == "message/custom/send" ? 48001 : null;
        await WeChat.PushAsync(SignedPush.Text("第一个问题").From(Follower));
        await Account.AttemptedToAsync(Follower, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var second = await new WeChatPlatform(WeChat).DeliverAsync(SignedPush.Text("第二个问题").From(Follower));
        var statistics = await AdminConsole.NewAdmin(WeChat).RunAsync("get_stat");

        Assert.StartsWith("回答：第二个问题", second.Content, StringComparison.Ordinal);
        Assert.Contains("回复「继续」查看", second.Content, StringComparison.Ordinal); // the first answer waits for it
        Assert.Single(Account.Api.Pushes, push => push.OpenId == Follower);
        Assert.Contains("48001", statistics, StringComparison.Ordinal);
        Assert.Contains("没有客服消息接口权限", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIpNotOnTheWhitelistIsReportedToTheAdminsAndTheAnswerWaitsForContinue()
    {
        Account.Api.Fault = call => call == "stable_token" ? 40164 : null;
        var admin = AdminConsole.NewAdmin(WeChat);

        var acknowledged = await WeChat.PushAsync(SignedPush.Text("白名单之外").From(Follower));
        var statistics = await admin.StatisticsShowingAsync("40164");
        var config = await admin.RunAsync("get_config");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the fallback saves the follower's position after telling the admins
        var continued = await WeChat.AskAsync(Follower, "继续");

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Contains("stable_token 返回 40164", statistics, StringComparison.Ordinal);
        Assert.Contains("IP 白名单", statistics, StringComparison.Ordinal);
        Assert.Contains("40164", config, StringComparison.Ordinal);
        Assert.Equal("回答：白名单之外", continued);
        Assert.Empty(Account.Api.Pushes);
    }

    [Fact]
    public async Task GetConfigMasksTheAppSecretAndShowsTheMode()
    {
        var config = await AdminConsole.NewAdmin(WeChat).RunAsync("get_config");

        Assert.Contains("reply_mode：customer_service", config, StringComparison.Ordinal);
        Assert.Contains("wechat_app_secret：012…cdef", config, StringComparison.Ordinal);
        Assert.DoesNotContain(VerifiedAccount.AppSecret, config, StringComparison.Ordinal);
    }
}
