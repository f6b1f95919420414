using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dialog;

public sealed class ContextTrimmingTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task HistoryIsTrimmedOldestFirstToFitTheBudgetSoTheModelRejectsNothing()
    {
        var weChat = Fixture.StartApplication(settings => settings["max_context_tokens"] = "300").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 300, Answer = request => $"好的，第{request.LastUserMessage[..2]}条已收到，这里是一段用来占用上下文的回答。" });

        for (var turn = 10; turn < 18; turn++)
        {
            var answer = await weChat.AskAsync(Follower, $"{turn}号问题：请记住这一条比较长的消息，它用来填满上下文窗口。");
            Assert.StartsWith("好的", answer, StringComparison.Ordinal);
        }

        var last = Fixture.Model.Requests[^1];
        Assert.InRange(Fixture.Model.PromptTokens(last), 1, 300);
        Assert.Equal("17号问题：请记住这一条比较长的消息，它用来填满上下文窗口。", last.Messages[^1].Content);
        Assert.StartsWith("16号", last.Messages[^3].Content, StringComparison.Ordinal);
        Assert.DoesNotContain(last.Messages, message => message.Content.StartsWith("10号", StringComparison.Ordinal));
        Assert.Equal("user", last.Messages[1].Role);
    }

    [Fact]
    public async Task WhenTheModelStillRejectsThePromptItIsRetriedOnceWithLessHistory()
    {
        for (var turn = 0; turn < 10; turn++)
        {
            await Fixture.WeChat.AskAsync(Follower, $"第{turn}段：" + string.Concat(Enumerable.Repeat("历史消息占用很多上下文。", 8)));
        }

        // The app's budget is 4000, so its first prompt carries all ten exchanges; a quarter of it fits this model.
        Fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 1000 });
        var answer = await Fixture.WeChat.AskAsync(Follower, "现在的问题");

        Assert.Equal("回答：现在的问题", answer);
        var (rejected, accepted) = (Fixture.Model.Requests[0], Fixture.Model.Requests[1]);
        Assert.Equal(2, Fixture.Model.Requests.Count);
        Assert.True(Fixture.Model.PromptTokens(rejected) > 1000);
        Assert.InRange(Fixture.Model.PromptTokens(accepted), 1, 1000);
        Assert.True(accepted.Messages.Count > 2, "the retry still carries some history");
        Assert.Equal("现在的问题", accepted.LastUserMessage);
    }

    [Fact]
    public async Task AQuestionTheModelCannotFitGetsAClearMessage()
    {
        Fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 60 });

        var answer = await Fixture.WeChat.AskAsync(Follower, string.Concat(Enumerable.Repeat("这个问题本身就很长。", 20)));

        Assert.Contains("太长", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }
}
