using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Model;

public sealed class ContextTrimmingTests : IClassFixture<WeChatFixture>
{
    private readonly WeChatFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public ContextTrimmingTests(WeChatFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    [Fact]
    public async Task HistoryIsTrimmedOldestFirstToFitTheBudgetSoTheModelRejectsNothing()
    {
        var weChat = _fixture.StartApplication(settings => settings["max_context_tokens"] = "300").CreateWeChatClient();
        _fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 300, Answer = request => $"好的，第{request.LastUserMessage[..2]}条已收到，这里是一段用来占用上下文的回答。" });

        for (var turn = 10; turn < 18; turn++)
        {
            var answer = await weChat.AskAsync(_follower, $"{turn}号问题：请记住这一条比较长的消息，它用来填满上下文窗口。");
            Assert.StartsWith("好的", answer, StringComparison.Ordinal);
        }

        var last = _fixture.Model.Requests[^1];
        Assert.InRange(_fixture.Model.PromptTokens(last), 1, 300);
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
            await _fixture.WeChat.AskAsync(_follower, $"第{turn}段：" + string.Concat(Enumerable.Repeat("历史消息占用很多上下文。", 8)));
        }

        // The app's budget is 4000, so its first prompt carries all ten exchanges; a quarter of it fits this model.
        _fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 1000 });
        var answer = await _fixture.WeChat.AskAsync(_follower, "现在的问题");

        Assert.Equal("回答：现在的问题", answer);
        var (rejected, accepted) = (_fixture.Model.Requests[0], _fixture.Model.Requests[1]);
        Assert.Equal(2, _fixture.Model.Requests.Count);
        Assert.True(_fixture.Model.PromptTokens(rejected) > 1000);
        Assert.InRange(_fixture.Model.PromptTokens(accepted), 1, 1000);
        Assert.True(accepted.Messages.Count > 2, "the retry still carries some history");
        Assert.Equal("现在的问题", accepted.LastUserMessage);
    }

    [Fact]
    public async Task AQuestionTheModelCannotFitGetsAClearMessage()
    {
        _fixture.Model.Reset(new FakeModelBehavior { MaxPromptTokens = 60 });

        var answer = await _fixture.WeChat.AskAsync(_follower, string.Concat(Enumerable.Repeat("这个问题本身就很长。", 20)));

        Assert.Contains("太长", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredConversation.TurnsOfAsync(_fixture.Storage, _follower));
    }
}
