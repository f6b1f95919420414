using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>reply_mode auto: passive replies while the answer fits WeChat's window, customer-service messages for the rest.</summary>
public sealed class AutoModeTests(WeChatFixture fixture) : VerifiedAccountTest(fixture, "auto")
{
    [Fact]
    public async Task AQuickShortAnswerIsAPassiveReplyAndNothingIsPushed()
    {
        var reply = await WeChat.AskAsync(Follower, "快问");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("回答：快问", reply);
        Assert.Empty(Account.Api.Pushes);
        Assert.Empty(Account.Api.Typing);
    }

    [Fact]
    public async Task AnAnswerTooSlowForTheWindowIsAcknowledgedOnTheLastAttemptAndPushedWhole()
    {
        var platform = new WeChatPlatform(WeChat);
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenGate = platform.AttemptStarted(3), FirstTokenDelay = TimeSpan.FromSeconds(6) });

        var delivery = await platform.DeliverAsync(SignedPush.Text("慢问").From(Follower));
        var pushed = await Account.DeliveredToAsync(Follower, 1);

        Assert.Equal(3, delivery.Attempt);
        Assert.True(delivery.Reply!.IsSuccessWithoutReply, delivery.Reply.Body);
        Assert.Equal(["回答：慢问"], pushed);
        Assert.Contains((Follower, "Typing"), Account.Api.Typing);
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await WeChat.AskAsync(Follower, "继续"));
    }

    [Fact]
    public async Task ALongAnswerShowsItsFirstPagePassivelyAndPushesTheRestWithNothingLeftForContinue()
    {
        var answer = string.Concat(Enumerable.Range(1, 28).Select(line => $"第{line:D2}段：" + new string('长', 54) + "。\n\n"));
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });

        var first = await WeChat.AskAsync(Follower, "长问");
        var pushed = await Account.DeliveredToAsync(Follower, 2);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.EndsWith("（未完，后续内容马上发给你）", first, StringComparison.Ordinal);
        Assert.Equal(2, Account.Api.DeliveredTo(Follower).Count);
        Assert.Equal(Flat(answer), Flat(ReplyPage.TextOf(first) + string.Concat(pushed)));
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await WeChat.AskAsync(Follower, "继续"));
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
