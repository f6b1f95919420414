using System.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.WeChat;

public sealed class InboundMessageParserTests
{
    [Fact]
    public void ATextMessageParsesWithEveryField()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName>
            <CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content>
            <MsgId>1234567890123456</MsgId></xml>
            """);

        Assert.Equal(new TextMessage("gh_1", "oABC", 1348831860, "this is a test", 1234567890123456), message);
    }

    [Fact]
    public void ValuesAreTrimmedOfTheLayoutAroundTheirCdataAndTheTypeIsReadInAnyCase()
    {
        var message = Parse("""
            <xml>
              <ToUserName> <![CDATA[gh_1]]> </ToUserName>
              <FromUserName>
                <![CDATA[oABC]]>
              </FromUserName>
              <CreateTime> 123456789 </CreateTime>
              <MsgType> <![CDATA[Event]]> </MsgType>
              <Event> <![CDATA[Subscribe]]> </Event>
            </xml>
            """);

        var subscribe = Assert.IsType<EventMessage>(message);
        Assert.Equal(new EventMessage("gh_1", "oABC", 123456789, "Subscribe", null), subscribe);
        Assert.True(subscribe.Is("subscribe"));
    }

    [Fact]
    public void ASubscribeEventParsesWithItsQrScene()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[T]]></Ticket></xml>
            """);

        Assert.Equal(new EventMessage("gh_1", "oABC", 123456789, "subscribe", "qrscene_123123"), message);
    }

    [Fact]
    public void AVoiceMessageParsesWithItsRecognition()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>1357290913</CreateTime>
            <MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format>
            <Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>1234567890123456</MsgId></xml>
            """);

        Assert.Equal(new VoiceMessage("gh_1", "oABC", 1357290913, "腾讯微信团队", 1234567890123456, "media_id", "amr"), message);
    }

    [Fact]
    public void AVoiceMessageWithoutRecognitionParsesWithItsMediaIdAndFormat()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>1357290913</CreateTime>
            <MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[ m16k ]]></MediaId><Format><![CDATA[Speex]]></Format><MsgId>1234567890123457</MsgId></xml>
            """);

        Assert.Equal(new VoiceMessage("gh_1", "oABC", 1357290913, null, 1234567890123457, "m16k", "speex"), message);
    }

    [Fact]
    public void AnImageMessageParsesWithItsPicUrl()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>1348831860</CreateTime>
            <MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/a.jpg]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId>
            <MsgId>1234567890123456</MsgId></xml>
            """);

        Assert.Equal(new ImageMessage("gh_1", "oABC", 1348831860, "http://mmbiz.qpic.cn/a.jpg", 1234567890123456), message);
    }

    [Fact]
    public void ALinkMessageParsesWithItsTitleDescriptionAndUrl()
    {
        var message = Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>1351776360</CreateTime>
            <MsgType><![CDATA[link]]></MsgType><Title><![CDATA[公众平台官网链接]]></Title><Description><![CDATA[公众平台官网链接]]></Description>
            <Url><![CDATA[https://mp.weixin.qq.com/s/abc]]></Url><MsgId>1234567890123456</MsgId></xml>
            """);

        Assert.Equal(new LinkMessage("gh_1", "oABC", 1351776360, "公众平台官网链接", "公众平台官网链接", "https://mp.weixin.qq.com/s/abc", 1234567890123456), message);
    }

    [Theory]
    [InlineData("voice")]
    [InlineData("image")]
    [InlineData("link")]
    public void AVoiceImageOrLinkMessageWithoutMsgIdIsRejected(string messageType)
    {
        var body = $"<xml><ToUserName>gh_1</ToUserName><FromUserName>oABC</FromUserName><CreateTime>1</CreateTime><MsgType>{messageType}</MsgType></xml>";

        Assert.False(InboundMessageParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Contains("MsgId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewMessageTypeIsUnknownRatherThanAnError()
    {
        var message = Parse("<xml><ToUserName>gh_1</ToUserName><FromUserName>oABC</FromUserName><CreateTime>1</CreateTime><MsgType>miniprogrampage</MsgType></xml>");

        Assert.Equal(new UnknownMessage("gh_1", "oABC", 1, "miniprogrampage"), message);
    }

    [Theory]
    [InlineData("<xml>")]
    [InlineData("<!DOCTYPE xml><xml><ToUserName>gh_1</ToUserName></xml>")]
    [InlineData("<notxml><ToUserName>gh_1</ToUserName></notxml>")]
    [InlineData("<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("<xml><ToUserName>g</ToUserName><FromUserName>o</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType></xml>")]
    public void MalformedPushesAreRejectedWithAReason(string body)
    {
        Assert.False(InboundMessageParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static InboundMessage Parse(string body)
    {
        Assert.True(InboundMessageParser.TryParse(Encoding.UTF8.GetBytes(body), out var message, out var error), error);
        return message;
    }
}
