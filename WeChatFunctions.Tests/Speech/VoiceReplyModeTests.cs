using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>voice_reply=always, and spoken answers pushed as customer-service messages.</summary>
public sealed class VoiceReplyModeTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    [Fact]
    public async Task WithAlwaysATypedQuestionIsAnsweredInVoiceToo()
    {
        var weChat = StartApp(voiceReply: "always");

        var reply = await weChat.PushAsync(SignedPush.Text("你好").From(Follower));

        Assert.Equal("voice", reply.MessageType);
        Assert.Equal(FakeTextToSpeech.AudioOf("回答：你好。"), UploadedVoice(reply.MediaId).Content);
    }

    [Fact]
    public async Task WithVoiceRepliesOffASpokenQuestionIsAnsweredInText()
    {
        var weChat = StartApp(voiceReply: "off");

        var reply = await weChat.PushAsync(SignedPush.Voice("你好").From(Follower));

        Assert.Equal("回答：你好", reply.Content);
        Assert.Empty(Speech.Requests);
    }

    [Fact]
    public async Task InCustomerServiceModeTheVoiceIsPushedOnceAsAVoiceMessage()
    {
        var weChat = StartApp(replyMode: "customer_service");

        var reply = await weChat.PushAsync(SignedPush.Voice("今天星期几").From(Follower));
        var pushed = Assert.Single(await Account.AttemptedToAsync(Follower, 1));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Equal(("voice", 0), (pushed.MessageType, pushed.ErrorCode));
        Assert.Equal(FakeTextToSpeech.AudioOf("回答：今天星期几。"), UploadedVoice(pushed.Content).Content);
        Assert.Single(Account.Api.Pushes, push => push.OpenId == Follower);
    }
}
