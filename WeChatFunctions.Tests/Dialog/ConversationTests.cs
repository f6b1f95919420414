using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dialog;

public sealed class ConversationTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task ATextMessageIsAnsweredByTheModelAsAPassiveTextReply()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("天空为什么是蓝色的？").From(Follower));

        Assert.Equal("application/xml", reply.MediaType);
        Assert.Equal(Follower, reply.ToUserName);
        Assert.Equal(SignedPush.AccountId, reply.FromUserName);
        Assert.Equal("text", reply.MessageType);
        Assert.Equal("回答：天空为什么是蓝色的？", reply.Content);
    }

    [Fact]
    public async Task TheModelRequestStreamsWithTheConfiguredModelKeyAndSystemPrompt()
    {
        await Fixture.WeChat.AskAsync(Follower, "你好");

        var request = Assert.Single(Fixture.Model.Requests);
        Assert.Equal("fake-gpt", request.Model);
        Assert.Equal("Bearer sk-test-0123456789abcdef", request.Authorization);
        Assert.True(request.Stream);
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Contains("微信公众号", request.Messages[0].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("你是一只会说话的猫。", "你是一只会说话的猫。")]
    [InlineData("", "微信公众号")]
    public async Task TheSystemPromptSettingIsSentAndAnEmptyOneMeansTheDefault(string setting, string expected)
    {
        var weChat = Fixture.StartApplication(settings => settings["system_prompt"] = setting).CreateWeChatClient();

        await weChat.AskAsync(Follower, "你是谁？");

        Assert.Contains(expected, Fixture.Model.Requests[^1].Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondQuestionCarriesTheFirstExchangeAsContext()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = request => request.LastUserMessage == "我叫小明" ? "你好，小明！" : "你叫小明。" });

        await Fixture.WeChat.AskAsync(Follower, "我叫小明");
        var second = await Fixture.WeChat.AskAsync(Follower, "我叫什么？");

        Assert.Equal("你叫小明。", second);
        var prompt = Fixture.Model.Requests[^1].Messages;
        Assert.Equal(
            [("user", "我叫小明"), ("assistant", "你好，小明！"), ("user", "我叫什么？")],
            prompt.Skip(1).Select(message => (message.Role, message.Content)));
    }

    [Fact]
    public async Task BothTurnsAreStoredWithTheirTokenCounts()
    {
        await Fixture.WeChat.AskAsync(Follower, "记住这句话");

        var turns = await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower);
        Assert.Equal(["Assistant", "User"], turns.Select(turn => turn.GetString("Role")));
        Assert.Equal(["回答：记住这句话", "记住这句话"], turns.Select(turn => turn.GetString("Content")));
        Assert.All(turns, turn => Assert.True(turn.GetInt32("TokenCount") > 4));
    }

    [Fact]
    public async Task FollowersDoNotSeeEachOthersConversations()
    {
        var other = WeChatClient.NewFollowerId();

        await Fixture.WeChat.AskAsync(Follower, "我的秘密是 42");
        await Fixture.WeChat.AskAsync(other, "你知道什么秘密？");

        Assert.DoesNotContain(Fixture.Model.Requests[^1].Messages, message => message.Content.Contains("42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerContainingTheCDataTerminatorArrivesIntact()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "数组写法：a[b[0]]>1 结束" });

        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("写个例子").From(Follower));

        Assert.Contains("]]]]><![CDATA[>", reply.Body, StringComparison.Ordinal);
        Assert.Equal("数组写法：a[b[0]]>1 结束", reply.Content);
    }

    [Fact]
    public async Task AnEmptyTextGetsAPromptInsteadOfAModelCall()
    {
        var content = await Fixture.WeChat.AskAsync(Follower, "   ");

        Assert.Contains("文字", content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task EachCompletionIsCappedAtMaxAnswerTokens()
    {
        var weChat = Fixture.StartApplication(settings => settings["max_answer_tokens"] = "300").CreateWeChatClient();

        await Fixture.WeChat.AskAsync(Follower, "默认上限");
        await weChat.AskAsync(WeChatClient.NewFollowerId(), "设置的上限");

        Assert.Equal(1024, Assert.Single(Fixture.Model.RequestsAbout("默认上限")).MaxTokens);
        Assert.Equal(300, Assert.Single(Fixture.Model.RequestsAbout("设置的上限")).MaxTokens);
    }
}
