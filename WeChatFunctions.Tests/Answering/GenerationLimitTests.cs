using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>An instance generates a bounded number of answers at once, each for a bounded time; both refusals are free.</summary>
public sealed class GenerationLimitTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AGenerationPastItsTimeoutIsAbandonedRefundedAndTheFollowerTold()
    {
        var weChat = Fixture.StartApplication(settings => settings["generation_timeout_seconds"] = "2").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(20) });

        var reply = await weChat.AskAsync(Follower, "想很久的问题");

        Assert.Equal("抱歉，这个回答花的时间太长，已经放弃了。请换个问法或稍后再试，这次提问没有计入用量。", reply);
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AQuestionOverTheConcurrencyCapWaitsItsTurnInTheWindowThenIsToldFreeOfCharge()
    {
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["max_concurrent_generations"] = "1";
            settings["chat_gpt_timeout_seconds"] = "60"; // the answer holding the only slot must outlast the queued question's window
        }).CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelayOf = request => request.LastUserMessage == "占着位置" ? TimeSpan.FromSeconds(30) : TimeSpan.Zero });
        // Its attempt is dropped once WeChat would give up; the generation goes on, holding the slot.
        var holding = weChat.PushAsync(SignedPush.Text("占着位置").From(WeChatClient.NewFollowerId()));
        await WaitUntilAsync(() => Fixture.Model.RequestsAbout("占着位置").Count == 1);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("排队的问题").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("抱歉，现在提问的人太多了，请稍后再发一次你的问题。这次提问没有计入用量。", delivery.Content);
        Assert.Empty(Fixture.Model.RequestsAbout("排队的问题"));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        await Task.WhenAny(holding);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var poll = 0; poll < 100 && !condition(); poll++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
