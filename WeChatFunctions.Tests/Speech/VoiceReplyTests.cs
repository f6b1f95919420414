using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>voice_reply=voice_questions with passive replies: spoken questions get spoken answers, typed ones text.</summary>
public sealed class VoiceReplyTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    [Fact]
    public async Task ASpokenQuestionIsAnsweredWithAnUploadedVoiceThatSpeaksTheAnswerWhileTheHistoryKeepsTheText()
    {
        var weChat = StartApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("今天天气怎么样").From(Follower));

        Assert.Equal("voice", reply.MessageType);
        var spoken = Assert.Single(Speech.Requests);
        Assert.Equal(("openai", "回答：今天天气怎么样。", "gpt-4o-mini-tts", "alloy", "mp3"), (spoken.Service, spoken.Text, spoken.Model, spoken.Voice, spoken.Format));
        Assert.Equal("Bearer sk-test-0123456789abcdef", spoken.Credential);
        Assert.Equal(FakeTextToSpeech.AudioOf(spoken.Text), UploadedVoice(reply.MediaId).Content);
        Assert.Equal(["回答：今天天气怎么样"], await RememberedAnswersAsync());
    }

    [Fact]
    public async Task WeChatsRetryOfTheVoiceGetsTheSameVoiceSpokenAndUploadedOnce()
    {
        var weChat = StartApp();
        var push = SignedPush.Voice("讲个笑话").From(Follower);

        var first = await weChat.PushAsync(push);
        var retry = await weChat.PushAsync(push);

        Assert.Equal("voice", first.MessageType);
        Assert.Equal(first.Body, retry.Body);
        Assert.Single(Speech.Requests);
        Assert.Single(Account.Api.Media.Uploads);
        Assert.Single(Fixture.Model.RequestsAbout("讲个笑话"));
    }

    [Fact]
    public async Task ATypedQuestionKeepsATextAnswerAndNothingIsSpoken()
    {
        var weChat = StartApp();

        var reply = await weChat.PushAsync(SignedPush.Text("今天天气怎么样").From(Follower));

        Assert.Equal("回答：今天天气怎么样", reply.Content);
        Assert.Empty(Speech.Requests);
        Assert.Empty(Account.Api.Media.Uploads);
    }

    [Fact]
    public async Task ASpokenContinueAfterAVoiceFindsNothingMoreToRead()
    {
        var weChat = StartApp();

        var answer = await weChat.PushAsync(SignedPush.Voice("你是谁").From(Follower));
        var more = await weChat.PushAsync(SignedPush.Voice("继续。").From(Follower));

        Assert.Equal("voice", answer.MessageType);
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", more.Content);
        Assert.Single(Speech.Requests);
    }

    [Fact]
    public async Task AnAnswerFinishedAfterWeChatGaveUpIsSpokenAndContinueDeliversTheVoice()
    {
        var weChat = StartApp(change: settings =>
        {
            settings["chat_gpt_timeout_seconds"] = "30";
            settings["reply_deadline_ms"] = "4000";
        });
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(16), Answer = _ => "终于想好了。" });
        var platform = new WeChatPlatform(weChat);

        var delivery = await platform.DeliverAsync(SignedPush.Voice("很难的问题").From(Follower));
        var later = await platform.DeliverAsync(SignedPush.Voice("继续").From(Follower));

        Assert.Equal("回答还在生成中，请稍后回复「继续」查看。", delivery.Content);
        Assert.Equal("voice", later.Reply!.MessageType);
        Assert.Equal(FakeTextToSpeech.AudioOf("终于想好了。"), UploadedVoice(later.Reply.MediaId).Content);
        Assert.Equal(["终于想好了。"], await RememberedAnswersAsync());
    }
}
