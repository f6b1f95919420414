using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>What is spoken of an answer written in Markdown, through the app to the speech service.</summary>
public sealed class SpokenTextTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    private const string MarkdownAnswer = """
        ## 明天的安排

        **上午**去公园，路线见[地图](https://maps.example/park)，或者打开 https://maps.example/backup 查看。

        - 带上 `水壶`
        - 穿 *运动鞋* 👟

        1. 先热身
        2. 再跑步
        > 注意安全
        """;

    [Fact]
    public async Task MarkdownLinksAndEmojiAreNotSpokenButTheHistoryKeepsTheMarkdown()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => MarkdownAnswer });
        var weChat = StartApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("明天做什么").From(Follower));

        Assert.Equal("voice", reply.MessageType);
        Assert.Equal(
            "明天的安排。\n上午去公园，路线见地图，或者打开 查看。\n带上 水壶。\n穿 运动鞋。\n1、先热身。\n2、再跑步。\n注意安全。",
            Assert.Single(Speech.Requests).Text);
        Assert.Equal([MarkdownAnswer], await RememberedAnswersAsync());
    }

    [Fact]
    public async Task AnAnswerWithCodeIsSentAsTextForTheCodeCannotBeHeard()
    {
        var answer = "用这条命令：\n\n```bash\nls -la\n```\n";
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });
        var weChat = StartApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("怎么列出文件").From(Follower));

        Assert.Equal("text", reply.MessageType);
        Assert.Contains("ls -la", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Speech.Requests);
    }
}
