using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Conversations;

public sealed class ConversationTests : IClassFixture<WeChatFixture>
{
    private readonly WeChatFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public ConversationTests(WeChatFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    [Fact]
    public async Task ATextMessageIsAnsweredByTheModelAsAPassiveTextReply()
    {
        var reply = await _fixture.WeChat.PushAsync(SignedPush.Text("天空为什么是蓝色的？").From(_follower));

        Assert.Equal("application/xml", reply.MediaType);
        Assert.Equal(_follower, reply.ToUserName);
        Assert.Equal(SignedPush.AccountId, reply.FromUserName);
        Assert.Equal("text", reply.MessageType);
        Assert.Equal("回答：天空为什么是蓝色的？", reply.Content);
    }

    [Fact]
    public async Task TheModelRequestStreamsWithTheConfiguredModelKeyAndSystemPrompt()
    {
        await _fixture.WeChat.AskAsync(_follower, "你好");

        var request = Assert.Single(_fixture.Model.Requests);
        Assert.Equal("fake-gpt", request.Model);
        Assert.Equal("Bearer sk-test-0123456789abcdef", request.Authorization);
        Assert.True(request.Stream);
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Contains("微信公众号", request.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondQuestionCarriesTheFirstExchangeAsContext()
    {
        _fixture.Model.Reset(new FakeModelBehavior { Answer = request => request.LastUserMessage == "我叫小明" ? "你好，小明！" : "你叫小明。" });

        await _fixture.WeChat.AskAsync(_follower, "我叫小明");
        var second = await _fixture.WeChat.AskAsync(_follower, "我叫什么？");

        Assert.Equal("你叫小明。", second);
        var prompt = _fixture.Model.Requests[^1].Messages;
        Assert.Equal(
            [("user", "我叫小明"), ("assistant", "你好，小明！"), ("user", "我叫什么？")],
            prompt.Skip(1).Select(message => (message.Role, message.Content)));
    }

    [Fact]
    public async Task BothTurnsAreStoredWithTheirTokenCounts()
    {
        await _fixture.WeChat.AskAsync(_follower, "记住这句话");

        var turns = await StoredConversation.TurnsOfAsync(_fixture.Storage, _follower);
        Assert.Equal(["Assistant", "User"], turns.Select(turn => turn.GetString("Role")));
        Assert.Equal(["回答：记住这句话", "记住这句话"], turns.Select(turn => turn.GetString("Content")));
        Assert.All(turns, turn => Assert.True(turn.GetInt32("TokenCount") > 4));
    }

    [Fact]
    public async Task FollowersDoNotSeeEachOthersConversations()
    {
        var other = WeChatClient.NewFollowerId();

        await _fixture.WeChat.AskAsync(_follower, "我的秘密是 42");
        await _fixture.WeChat.AskAsync(other, "你知道什么秘密？");

        Assert.DoesNotContain(_fixture.Model.Requests[^1].Messages, message => message.Content.Contains("42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerContainingTheCDataTerminatorArrivesIntact()
    {
        _fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "数组写法：a[b[0]]>1 结束" });

        var reply = await _fixture.WeChat.PushAsync(SignedPush.Text("写个例子").From(_follower));

        Assert.Contains("]]]]><![CDATA[>", reply.Body, StringComparison.Ordinal);
        Assert.Equal("数组写法：a[b[0]]>1 结束", reply.Content);
    }

    [Fact]
    public async Task AnAnswerLongerThanWeChatAllowsIsCutToFit()
    {
        _fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Repeat("这是一个很长的回答。", 500)), ChunkCharacters = 200 });

        var content = await _fixture.WeChat.AskAsync(_follower, "讲个长故事");

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(content), 1500, 2048);
        Assert.StartsWith("这是一个很长的回答。这是", content, StringComparison.Ordinal);
        Assert.EndsWith("（回答过长，后续内容已省略）", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyTextGetsAPromptInsteadOfAModelCall()
    {
        var content = await _fixture.WeChat.AskAsync(_follower, "   ");

        Assert.Contains("文字", content, StringComparison.Ordinal);
        Assert.Empty(_fixture.Model.Requests);
    }
}
