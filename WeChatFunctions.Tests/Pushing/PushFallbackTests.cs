using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>Customer-service messages that WeChat refuses: the answer falls back to 「继续」, loses nothing, and the admins are told.</summary>
public sealed class PushFallbackTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    private VerifiedAccount _account = null!;
    private WeChatClient _weChat = null!;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public Task InitializeAsync()
    {
        _account = VerifiedAccount.Start();
        fixture.Model.Reset();
        _weChat = fixture.StartApplication(settings => _account.Configure(settings, "customer_service")).CreateWeChatClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Theory]
    [InlineData(45015)] // the 48-hour window is closed
    [InlineData(48001)] // the account has no permission for the API
    [InlineData(45047)] // the messages allowed for the follower's message are used up
    public async Task ARefusedPushLeavesTheAnswerForContinueAndSendsNothingTwice(int errorCode)
    {
        _account.Api.Fault = call => call == "message/custom/send" ? errorCode : null;

        var acknowledged = await _weChat.PushAsync(SignedPush.Text("被拒的推送").From(_follower));
        var attempts = await _account.AttemptedToAsync(_follower, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var continued = await _weChat.AskAsync(_follower, "继续");

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Single(attempts);
        Assert.Equal("回答：被拒的推送", continued);
        Assert.Single(fixture.Model.RequestsAbout("被拒的推送"));
        Assert.Single(_account.Api.Pushes, push => push.OpenId == _follower);
    }

    [Fact]
    public async Task AfterAnAccountWideRefusalNewQuestionsAreAnsweredPassivelyWithoutCallingTheApiAgain()
    {
        _account.Api.Fault = call => call == "message/custom/send" ? 48001 : null;
        await _weChat.PushAsync(SignedPush.Text("第一个问题").From(_follower));
        await _account.AttemptedToAsync(_follower, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var second = await new WeChatPlatform(_weChat).DeliverAsync(SignedPush.Text("第二个问题").From(_follower));
        var statistics = await AdminConsole.NewAdmin(_weChat).RunAsync("get_stat");

        Assert.StartsWith("回答：第二个问题", second.Content, StringComparison.Ordinal);
        Assert.Contains("回复「继续」查看", second.Content, StringComparison.Ordinal); // the first answer waits for it
        Assert.Single(_account.Api.Pushes, push => push.OpenId == _follower);
        Assert.Contains("48001", statistics, StringComparison.Ordinal);
        Assert.Contains("没有客服消息接口权限", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIpNotOnTheWhitelistIsReportedToTheAdminsAndTheAnswerWaitsForContinue()
    {
        _account.Api.Fault = call => call == "stable_token" ? 40164 : null;
        var admin = AdminConsole.NewAdmin(_weChat);

        var acknowledged = await _weChat.PushAsync(SignedPush.Text("白名单之外").From(_follower));
        var statistics = await admin.StatisticsShowingAsync("40164");
        var config = await admin.RunAsync("get_config");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the fallback saves the follower's position after telling the admins
        var continued = await _weChat.AskAsync(_follower, "继续");

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Contains("stable_token 返回 40164", statistics, StringComparison.Ordinal);
        Assert.Contains("IP 白名单", statistics, StringComparison.Ordinal);
        Assert.Contains("40164", config, StringComparison.Ordinal);
        Assert.Equal("回答：白名单之外", continued);
        Assert.Empty(_account.Api.Pushes);
    }

    [Fact]
    public async Task GetConfigMasksTheAppSecretAndShowsTheMode()
    {
        var config = await AdminConsole.NewAdmin(_weChat).RunAsync("get_config");

        Assert.Contains("reply_mode：customer_service", config, StringComparison.Ordinal);
        Assert.Contains("wechat_app_secret：012…cdef", config, StringComparison.Ordinal);
        Assert.DoesNotContain(VerifiedAccount.AppSecret, config, StringComparison.Ordinal);
    }
}
