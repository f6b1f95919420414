using System.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.WeChat;

/// <summary>WeChat XML is read with bounded depth, and the encrypted envelope without building a tree at all.</summary>
public sealed class SafeXmlTests
{
    /// <summary>About 1 MiB of elements nested 150,000 deep: half a minute of XElement.Load before the bound existed.</summary>
    private static readonly byte[] DeeplyNested = Encoding.UTF8.GetBytes(
        "<xml>" + string.Concat(Enumerable.Repeat("<a>", 150_000)) + string.Concat(Enumerable.Repeat("</a>", 150_000)) + "</xml>");

    [Fact]
    public void TheEnvelopeReaderRefusesDeepNestingWithoutLoadingIt()
    {
        Assert.False(EncryptedPush.TryReadEncrypt(DeeplyNested, out _, out var error));

        Assert.Contains("nested deeper than 5", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageParserRefusesDeepNesting()
    {
        Assert.False(InboundMessageParser.TryParse(DeeplyNested, out _, out var error));

        Assert.Contains("nested deeper than 5", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvelopeReaderTakesEncryptAndIgnoresTheCompatModeFields()
    {
        var envelope = Encoding.UTF8.GetBytes("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[ cipher== ]]></Encrypt>
            <FromUserName><![CDATA[oABC]]></FromUserName><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>
            """);

        Assert.True(EncryptedPush.TryReadEncrypt(envelope, out var encrypt, out _));

        Assert.Equal("cipher==", encrypt);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh_1</ToUserName></xml>", "no Encrypt")]
    [InlineData("<xml><Encrypt>  </Encrypt></xml>", "empty Encrypt")]
    [InlineData("<root><Encrypt>x</Encrypt></root>", "not <xml>")]
    [InlineData("<xml><Encrypt>x</Encrypt>", "malformed")]
    public void AnEnvelopeWithoutAUsableEncryptIsRefusedSayingWhy(string body, string reason)
    {
        Assert.False(EncryptedPush.TryReadEncrypt(Encoding.UTF8.GetBytes(body), out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeepestRealPushStillParses()
    {
        // The pic_sysphoto menu event: the deepest field WeChat sends is xml/SendPicsInfo/PicList/item/PicMd5Sum.
        var push = Encoding.UTF8.GetBytes("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oABC]]></FromUserName><CreateTime>1408090816</CreateTime>
            <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[pic_sysphoto]]></Event><EventKey><![CDATA[6]]></EventKey>
            <SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>
            """);

        Assert.True(InboundMessageParser.TryParse(push, out var message, out _));

        Assert.Equal(new EventMessage("gh_1", "oABC", 1408090816, "pic_sysphoto", "6"), message);
    }
}
