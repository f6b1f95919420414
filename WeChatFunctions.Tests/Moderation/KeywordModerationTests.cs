using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Moderation;

/// <summary>The <c>keywords</c> moderation end to end: over HTTP, with the banned words from the setting and a file.</summary>
public sealed class KeywordModerationTests : FollowerTest, IDisposable
{
    private const string QuestionRefusal = "抱歉，这个问题我无法回答，换个话题吧。这次提问没有计入用量。";
    private const string AnswerRefusal = "抱歉，这个问题我无法回答，换个话题吧。";

    private readonly string _wordsFile = Path.GetTempFileName();
    private readonly WeChatClient _weChat;

    public KeywordModerationTests(WeChatFixture fixture)
        : base(fixture)
    {
        File.WriteAllText(_wordsFile, "文件里的禁词\n\nanother phrase\n");
        _weChat = Fixture.StartApplication(settings =>
        {
            settings["moderation"] = "keywords";
            settings["banned_words"] = "违禁词，Forbidden Phrase";
            settings["banned_words_file"] = _wordsFile;
            // The slow-answer test's last attempt replies at its deadline; this leaves a loaded machine room before WeChat's 5 s.
            settings["reply_deadline_ms"] = "4000";
        }).CreateWeChatClient();
    }

    [Theory]
    [InlineData("请告诉我关于违禁词的事")]
    [InlineData("what is a forbidden phrase?")]
    [InlineData("ＦＯＲＢＩＤＤＥＮ ＰＨＲＡＳＥ，全角的")]
    [InlineData("这是文件里的禁词吗")]
    [InlineData("Another Phrase")]
    public async Task AQuestionWithABannedWordIsRefusedWithoutAModelCallChargeOrHistory(string question)
    {
        var reply = await _weChat.AskAsync(Follower, question);

        Assert.Equal(QuestionRefusal, reply);
        Assert.Empty(Fixture.Model.Requests);
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AnAnswerWithABannedWordIsReplacedAndNotKeptAsContext()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "好的，下面详细说说违禁词的内容。" });

        var reply = await _weChat.AskAsync(Follower, "一个正常的问题");

        Assert.Equal(AnswerRefusal, reply);
        Assert.Single(Fixture.Model.Requests);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        var (prompt, completion) = await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower);
        Assert.True(prompt > 0 && completion > 0, "the blocked answer's tokens were spent, and are recorded");
    }

    [Fact]
    public async Task CleanQuestionsAndAnswersPassUnchanged()
    {
        Assert.Equal("回答：今天天气怎么样", await _weChat.AskAsync(Follower, "今天天气怎么样"));
    }

    [Fact]
    public async Task AnAnswerSlowerThanWeChatsAttemptsIsNeverShownInPartBeforeItIsChecked()
    {
        var sentences = Enumerable.Range(1, 16).Select(second => $"第{second}秒的句子。").Append("最后提到违禁词。").ToArray();
        Fixture.Model.Reset(new FakeModelBehavior
        {
            Answer = _ => string.Concat(sentences),
            ChunkCharacters = sentences[0].Length,
            ChunkInterval = TimeSpan.FromSeconds(1),
        });
        var platform = new WeChatPlatform(_weChat);

        var delivery = await platform.DeliverAsync(SignedPush.Text("一个回答很慢的问题").From(Follower));
        var later = await platform.DeliverAsync(SignedPush.Text("继续").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答还在生成中，请稍后回复「继续」查看。", delivery.Content);
        Assert.Equal(AnswerRefusal, later.Content);
    }

    public void Dispose() => File.Delete(_wordsFile);
}
