using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Tests.Speech;

/// <summary>Whatever keeps an answer from being spoken, it goes as text, once, and the history has it.</summary>
public sealed class VoiceFallbackTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    [Fact]
    public async Task WhenWeChatRefusesTheUploadTheAnswerGoesAsTextAndLaterAnswersAreNotSpokenInVain()
    {
        Account.Api.Fault = call => call == WeChatMedia.UploadCall ? 48001 : null;
        var weChat = StartApp();

        var first = await weChat.PushAsync(SignedPush.Voice("第一个问题").From(Follower));
        var second = await weChat.PushAsync(SignedPush.Voice("第二个问题").From(Follower));

        Assert.Equal("回答：第一个问题", first.Content);
        Assert.Equal("回答：第二个问题", second.Content);
        Assert.Equal("回答：第一个问题。", Assert.Single(Speech.Requests).Text);
        Assert.Empty(Account.Api.Media.Uploads);
        Assert.Equal(["回答：第二个问题", "回答：第一个问题"], await RememberedAnswersAsync());
    }

    [Theory]
    [InlineData("fails")]
    [InlineData("is slower than tts_timeout_seconds")]
    [InlineData("speaks more than WeChat's 2 MB")]
    public async Task WhenTheSpeechServiceFailsIsSlowOrSpeaksTooMuchTheAnswerGoesAsText(string trouble)
    {
        var timeout = "8";
        switch (trouble)
        {
            case "fails":
                Speech.FailureStatus = 500;
                break;
            case "is slower than tts_timeout_seconds":
                (Speech.Delay, timeout) = (TimeSpan.FromSeconds(10), "1");
                break;
            default:
                Speech.Audio = _ => new byte[(2 * 1024 * 1024) + 1];
                break;
        }

        var weChat = StartApp(change: settings => settings["tts_timeout_seconds"] = timeout);

        var reply = await weChat.PushAsync(SignedPush.Voice("你好").From(Follower));

        Assert.Equal("回答：你好", reply.Content);
        Assert.Single(Speech.Requests);
        Assert.Empty(Account.Api.Media.Uploads);
    }

    [Fact]
    public async Task WhileWeChatWaitsAVoiceNotReadyBeforeItsLastAttemptLeavesTheWholeAnswerAsText()
    {
        // A voice ready only after the last attempt would leave that attempt part of the text and 「继续」 for the rest.
        Speech.Delay = TimeSpan.FromSeconds(30);
        var weChat = StartApp(change: settings => settings["tts_timeout_seconds"] = "30");
        var platform = new WeChatPlatform(weChat);

        var delivery = await platform.DeliverAsync(SignedPush.Voice("你好").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答：你好", delivery.Content);
        Assert.Single(Speech.Requests);
        Assert.Empty(Account.Api.Media.Uploads);
    }

    [Fact]
    public async Task AnAnswerTooLongForAWeChatVoiceGoesAsTextWithoutBeingSpoken()
    {
        // 280 characters, over a minute at four a second: WeChat takes a voice of at most 60 s.
        var answer = string.Concat(Enumerable.Repeat("这是一个很长的回答的一部分。", 20));
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer });
        var weChat = StartApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("说很多").From(Follower));

        Assert.Equal(answer, reply.Content);
        Assert.Empty(Speech.Requests);
    }
}
