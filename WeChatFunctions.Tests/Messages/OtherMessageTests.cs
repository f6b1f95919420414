using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Messages;

/// <summary>Message types the assistant does not take get one line saying what it does take, and no model call.</summary>
public sealed class OtherMessageTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Theory]
    [InlineData("video", "视频", "<MediaId><![CDATA[m1]]></MediaId><ThumbMediaId><![CDATA[t1]]></ThumbMediaId><MsgId>1234567890123456</MsgId>")]
    [InlineData("shortvideo", "小视频", "<MediaId><![CDATA[m2]]></MediaId><ThumbMediaId><![CDATA[t2]]></ThumbMediaId><MsgId>1234567890123458</MsgId>")]
    [InlineData("location", "位置", "<Location_X>23.13</Location_X><Location_Y>113.26</Location_Y><Scale>20</Scale><Label><![CDATA[广州]]></Label><MsgId>1234567890123457</MsgId>")]
    public async Task OtherMessageTypesGetOneLineSayingWhatIsSupported(string messageType, string name, string fields)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.OfType(messageType, fields).From(Follower));

        Assert.Equal("text", reply.MessageType);
        Assert.Equal($"暂时不支持{name}消息。我能处理文字、语音和图片，请直接输入文字和我对话。", reply.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task VoiceWithRecognitionIsAnsweredAsTheSpokenQuestion()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Voice("今天天气怎么样").From(Follower));

        Assert.Equal("回答：今天天气怎么样", reply.Content);
        Assert.Single(Fixture.Model.RequestsAbout("今天天气怎么样"));
    }

    [Fact]
    public async Task VoiceWithoutRecognitionExplainsHowToSwitchItOn()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Voice(recognition: null).From(Follower));

        Assert.Contains("接收语音识别结果", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ASpokenContinueWithItsFullStopFetchesTheNextPage()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 300).Select(index => $"第{index}句话。")) });
        var first = await Fixture.WeChat.AskAsync(Follower, "长回答");

        var second = await Fixture.WeChat.PushAsync(SignedPush.Voice("继续。").From(Follower));

        Assert.Contains("（未完", first, StringComparison.Ordinal);
        Assert.StartsWith("(2/", second.Content, StringComparison.Ordinal);
        Assert.StartsWith("第", ReplyPage.TextOf(second.Content), StringComparison.Ordinal);
        Assert.Single(Fixture.Model.Requests);
    }
}
