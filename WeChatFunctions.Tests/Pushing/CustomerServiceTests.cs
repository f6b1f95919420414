using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>reply_mode customer_service on one instance: pushes acknowledged at once, answers pushed whole, once.</summary>
public sealed class CustomerServiceTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    private VerifiedAccount _account = null!;
    private readonly string _follower = WeChatClient.NewFollowerId();
    private WeChatClient _weChat = null!;

    public Task InitializeAsync()
    {
        _account = VerifiedAccount.Start();
        fixture.Model.Reset();
        _weChat = fixture.StartApplication(settings => _account.Configure(settings, "customer_service")).CreateWeChatClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task AQuestionIsAcknowledgedAtOnceAndItsAnswerPushedOnce()
    {
        var reply = await _weChat.PushAsync(SignedPush.Text("你好").From(_follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Equal(["回答：你好"], await _account.DeliveredToAsync(_follower, 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(_account.Api.Pushes, push => push.OpenId == _follower);
        Assert.Equal(1, _account.Api.StableTokenCalls);
    }

    [Fact]
    public async Task TypingIsShownWhileTheAnswerIsGenerated()
    {
        fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(2) });

        var reply = await _weChat.PushAsync(SignedPush.Text("慢慢想").From(_follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        await _account.DeliveredToAsync(_follower, 1);
        Assert.Contains((_follower, "Typing"), _account.Api.Typing);
    }

    [Fact]
    public async Task ALongSlowAnswerArrivesWholeInAtMostThreePushedMessagesWithNoContinue()
    {
        // About 5,400 bytes over 30 seconds: three WeChat pages, more than the passive window could ever show.
        var answer = string.Concat(Enumerable.Range(1, 30).Select(line => $"第{line:D2}段：" + new string('长', 54) + "。\n\n"));
        fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer, ChunkCharacters = answer.Length / 30 + 1, ChunkInterval = TimeSpan.FromSeconds(1) });

        var reply = await _weChat.PushAsync(SignedPush.Text("写一篇长文").From(_follower));
        var delivered = await _account.DeliveredToAsync(_follower, 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.InRange(_account.Api.DeliveredTo(_follower).Count, 1, 3);
        Assert.Equal(Flat(answer), Flat(string.Concat(delivered)));
        Assert.DoesNotContain(delivered, message => message.Contains("继续", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerLongerThanTheMessageBudgetEndsWithContinueAndContinueShowsTheRest()
    {
        var answer = string.Concat(Enumerable.Range(1, 60).Select(line => $"第{line:D2}段：" + new string('多', 54) + "。\n\n"));
        fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });

        await _weChat.PushAsync(SignedPush.Text("写两篇长文").From(_follower));
        var delivered = await _account.DeliveredToAsync(_follower, 3);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var pages = new List<string>();
        for (var page = await _weChat.AskAsync(_follower, "继续"); ; page = await _weChat.AskAsync(_follower, "继续"))
        {
            pages.Add(page);
            if (!page.Contains("（未完", StringComparison.Ordinal) || pages.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(3, _account.Api.DeliveredTo(_follower).Count);
        Assert.EndsWith("（未完，回复「继续」查看后续）", delivered[^1], StringComparison.Ordinal);
        Assert.Equal(Flat(answer), Flat(string.Concat(delivered.Concat(pages).Select(ReplyPage.TextOf))));
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
