using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>reply_mode customer_service on one instance: pushes acknowledged at once, answers pushed whole, once.</summary>
public sealed class CustomerServiceTests(WeChatFixture fixture) : VerifiedAccountTest(fixture, "customer_service")
{
    [Fact]
    public async Task AQuestionIsAcknowledgedAtOnceAndItsAnswerPushedOnce()
    {
        var reply = await WeChat.PushAsync(SignedPush.Text("你好").From(Follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Equal(["回答：你好"], await Account.DeliveredToAsync(Follower, 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(Account.Api.Pushes, push => push.OpenId == Follower);
        Assert.Equal(1, Account.Api.StableTokenCalls);
    }

    [Fact]
    public async Task TypingIsShownWhileTheAnswerIsGenerated()
    {
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(2) });

        var reply = await WeChat.PushAsync(SignedPush.Text("慢慢想").From(Follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        await Account.DeliveredToAsync(Follower, 1);
        Assert.Contains((Follower, "Typing"), Account.Api.Typing);
    }

    [Fact]
    public async Task ALongSlowAnswerArrivesWholeInAtMostThreePushedMessagesWithNoContinue()
    {
        // About 5,400 bytes over 30 seconds: three WeChat pages, more than the passive window could ever show.
        var answer = string.Concat(Enumerable.Range(1, 30).Select(line => $"第{line:D2}段：" + new string('长', 54) + "。\n\n"));
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer, ChunkCharacters = answer.Length / 30 + 1, ChunkInterval = TimeSpan.FromSeconds(1) });

        var reply = await WeChat.PushAsync(SignedPush.Text("写一篇长文").From(Follower));
        var delivered = await Account.DeliveredToAsync(Follower, 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.InRange(Account.Api.DeliveredTo(Follower).Count, 1, 3);
        Assert.Equal(Flat(answer), Flat(string.Concat(delivered)));
        Assert.DoesNotContain(delivered, message => message.Contains("继续", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerLongerThanTheMessageBudgetEndsWithContinueAndContinueShowsTheRest()
    {
        var answer = string.Concat(Enumerable.Range(1, 60).Select(line => $"第{line:D2}段：" + new string('多', 54) + "。\n\n"));
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });

        await WeChat.PushAsync(SignedPush.Text("写两篇长文").From(Follower));
        var delivered = await Account.DeliveredToAsync(Follower, 3);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var pages = new List<string>();
        for (var page = await WeChat.AskAsync(Follower, "继续"); ; page = await WeChat.AskAsync(Follower, "继续"))
        {
            pages.Add(page);
            if (!page.Contains("（未完", StringComparison.Ordinal) || pages.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(3, Account.Api.DeliveredTo(Follower).Count);
        Assert.EndsWith("（未完，回复「继续」查看后续）", delivered[^1], StringComparison.Ordinal);
        Assert.Equal(Flat(answer), Flat(string.Concat(delivered.Concat(pages).Select(ReplyPage.TextOf))));
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
