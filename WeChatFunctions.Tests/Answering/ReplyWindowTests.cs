using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>WeChat's 5-second window, played out in real time against one instance.</summary>
public sealed class ReplyWindowTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task ASevenSecondAnswerIsDeliveredOnTheSecondAttemptFromOneModelCall()
    {
        var platform = new WeChatPlatform(Fixture.WeChat);
        Fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 2, after: TimeSpan.FromSeconds(2), answer: "七秒之后的回答。"));

        var delivery = await platform.DeliverAsync(SignedPush.Text("七秒问题").From(Follower));

        Assert.Equal(2, delivery.Attempt);
        Assert.Equal("七秒之后的回答。", delivery.Content);
        Assert.Single(Fixture.Model.RequestsAbout("七秒问题"));
    }

    [Fact]
    public async Task AnAnswerIsRepliedTheMomentItIsCompleteNotAtTheDeadline()
    {
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(1) });
        var platform = new WeChatPlatform(Fixture.WeChat);

        var delivery = await platform.DeliverAsync(SignedPush.Text("一秒问题").From(Follower));

        Assert.Equal(1, delivery.Attempt);
        Assert.Equal("回答：一秒问题", delivery.Content);
        Assert.True(delivery.Elapsed < TimeSpan.FromSeconds(4), $"replied after {delivery.Elapsed}, the deadline is 4.5 s");
    }

    [Fact]
    public async Task ARetryThatArrivesWhileTheFirstAttemptIsRunningGetsTheSameAnswerFromOneModelCall()
    {
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(1) });
        var push = SignedPush.Text("同时到达").From(Follower);

        var replies = await Task.WhenAll(Fixture.WeChat.PushAsync(push), Fixture.WeChat.PushAsync(push), Fixture.WeChat.PushAsync(push));

        Assert.All(replies, reply => Assert.Equal("回答：同时到达", reply.Content));
        Assert.Single(Fixture.Model.RequestsAbout("同时到达"));
        Assert.Equal(2, (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Count);
    }

    [Fact]
    public async Task ATransientModelFailureIsRetriedWithinTheWindow()
    {
        var weChat = Fixture.StartApplication(settings => settings["chat_gpt_max_retries"] = "2").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 503, Failures = 2 });

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("重试一下").From(Follower));

        Assert.Equal("回答：重试一下", delivery.Content);
        Assert.Equal(3, Fixture.Model.RequestsAbout("重试一下").Count);
    }

    [Fact]
    public async Task AModelThatKeepsFailingGetsAnApologyOnceAndStoresNothing()
    {
        var weChat = Fixture.StartApplication(settings => settings["chat_gpt_max_retries"] = "2").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 500 });
        var push = SignedPush.Text("总是失败").From(Follower);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(push);
        var retry = await weChat.PushAsync(push);

        Assert.Equal(1, delivery.Attempt);
        Assert.Contains("抱歉", delivery.Content, StringComparison.Ordinal);
        Assert.Equal(delivery.Content, retry.Content);
        Assert.Equal(3, Fixture.Model.RequestsAbout("总是失败").Count);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task EveryReplyFitsWeChatsLimitWhateverTheAnswer()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => new string('长', 3000), ChunkCharacters = 500 });

        var reply = await Fixture.WeChat.AskAsync(Follower, "一段没有标点的长回答");

        Assert.InRange(Encoding.UTF8.GetByteCount(reply), 1800, 2048);
    }
}
