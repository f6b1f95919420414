using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Conversations;

public sealed class OtherMessageTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Theory]
    [InlineData("image", "<PicUrl><![CDATA[http://example.com/a.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>1234567890123456</MsgId>")]
    [InlineData("location", "<Location_X>23.13</Location_X><Location_Y>113.26</Location_Y><Scale>20</Scale><Label><![CDATA[广州]]></Label><MsgId>1234567890123457</MsgId>")]
    [InlineData("shortvideo", "<MediaId><![CDATA[m2]]></MediaId><ThumbMediaId><![CDATA[t2]]></ThumbMediaId><MsgId>1234567890123458</MsgId>")]
    public async Task OtherMessageTypesGetAPoliteChineseReplyAndNoModelCall(string messageType, string fields)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.OfType(messageType, fields).From(Follower));

        Assert.Equal("text", reply.MessageType);
        Assert.Contains("暂时只支持文字消息", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ASubscriberIsWelcomed()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Event("subscribe").From(Follower));

        Assert.Contains("欢迎", reply.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("CLICK")]
    [InlineData("VIEW")]
    public async Task OtherEventsAreAcknowledgedWithSuccess(string eventName)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Event(eventName).From(Follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Empty(Fixture.Model.Requests);
    }
}
