using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>Answers slower than WeChat's three attempts: the last attempt never leaves the follower empty-handed.</summary>
public sealed class LastAttemptTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AnEighteenSecondAnswerSendsWhatHasStreamedOnTheLastAttemptAndContinueReturnsTheRest()
    {
        var sentences = Enumerable.Range(1, 18).Select(second => $"这是第{second}秒写出的句子。").ToArray();
        Fixture.Model.Reset(new FakeModelBehavior
        {
            Answer = _ => string.Concat(sentences),
            ChunkCharacters = sentences[0].Length,
            ChunkInterval = TimeSpan.FromSeconds(1),
        });
        var platform = new WeChatPlatform(Fixture.WeChat);

        var delivery = await platform.DeliverAsync(SignedPush.Text("十八秒问题").From(Follower));
        var rest = await platform.DeliverAsync(SignedPush.Text("继续").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.EndsWith("（未完，回复「继续」查看后续）", delivery.Content, StringComparison.Ordinal);
        var partial = ReplyPage.TextOf(delivery.Content);
        Assert.StartsWith("这是第1秒写出的句子。这是第2秒", partial, StringComparison.Ordinal);
        Assert.EndsWith("句子。", partial, StringComparison.Ordinal);
        Assert.Equal(string.Concat(sentences), partial + ReplyPage.TextOf(rest.Content));
        Assert.Single(Fixture.Model.RequestsAbout("十八秒问题"));
    }

    [Fact]
    public async Task WhenNothingHasStreamedByTheLastAttemptTheFollowerIsToldToContinueLater()
    {
        // The last attempt replies at its deadline; 4 s rather than 4.5 s leaves a loaded test machine room before WeChat's 5 s.
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["chat_gpt_timeout_seconds"] = "30";
            settings["reply_deadline_ms"] = "4000";
        }).CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(16), Answer = _ => "终于想好了。" });
        var platform = new WeChatPlatform(weChat);

        var delivery = await platform.DeliverAsync(SignedPush.Text("很难的问题").From(Follower));
        var later = await platform.DeliverAsync(SignedPush.Text("继续").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答还在生成中，请稍后回复「继续」查看。", delivery.Content);
        Assert.Equal("终于想好了。", later.Content);
        Assert.Single(Fixture.Model.RequestsAbout("很难的问题"));
    }
}
