using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>reply_mode auto: passive replies while the answer fits WeChat's window, customer-service messages for the rest.</summary>
public sealed class AutoModeTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    private VerifiedAccount _account = null!;
    private WeChatClient _weChat = null!;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public Task InitializeAsync()
    {
        _account = VerifiedAccount.Start();
        fixture.Model.Reset();
        _weChat = fixture.StartApplication(settings =>
        {
            _account.Configure(settings, "auto");
            settings["chat_gpt_timeout_seconds"] = "30";
        }).CreateWeChatClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task AQuickShortAnswerIsAPassiveReplyAndNothingIsPushed()
    {
        var reply = await _weChat.AskAsync(_follower, "快问");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("回答：快问", reply);
        Assert.Empty(_account.Api.Pushes);
        Assert.Empty(_account.Api.Typing);
    }

    [Fact]
    public async Task AnAnswerTooSlowForTheWindowIsAcknowledgedOnTheLastAttemptAndPushedWhole()
    {
        var platform = new WeChatPlatform(_weChat);
        fixture.Model.Reset(new FakeModelBehavior { FirstTokenGate = platform.AttemptStarted(3), FirstTokenDelay = TimeSpan.FromSeconds(6) });

        var delivery = await platform.DeliverAsync(SignedPush.Text("慢问").From(_follower));
        var pushed = await _account.DeliveredToAsync(_follower, 1);

        Assert.Equal(3, delivery.Attempt);
        Assert.True(delivery.Reply!.IsSuccessWithoutReply, delivery.Reply.Body);
        Assert.Equal(["回答：慢问"], pushed);
        Assert.Contains((_follower, "Typing"), _account.Api.Typing);
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await _weChat.AskAsync(_follower, "继续"));
    }

    [Fact]
    public async Task ALongAnswerShowsItsFirstPagePassivelyAndPushesTheRestWithNothingLeftForContinue()
    {
        var answer = string.Concat(Enumerable.Range(1, 28).Select(line => $"第{line:D2}段：" + new string('长', 54) + "。\n\n"));
        fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });

        var first = await _weChat.AskAsync(_follower, "长问");
        var pushed = await _account.DeliveredToAsync(_follower, 2);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.EndsWith("（未完，后续内容马上发给你）", first, StringComparison.Ordinal);
        Assert.Equal(2, _account.Api.DeliveredTo(_follower).Count);
        Assert.Equal(Flat(answer), Flat(ReplyPage.TextOf(first) + string.Concat(pushed)));
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await _weChat.AskAsync(_follower, "继续"));
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
