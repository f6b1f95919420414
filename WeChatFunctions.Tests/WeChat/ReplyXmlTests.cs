using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.WeChat;

public sealed class ReplyXmlTests
{
    private static readonly TextMessage Question = new("gh_account", "oFollower", 1_700_000_000, "问题", 1);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_005);

    [Fact]
    public void ATextReplySwapsTheUserFieldsAndUsesCData() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[oFollower]]></ToUserName><FromUserName><![CDATA[gh_account]]></FromUserName>"
            + "<CreateTime>1700000005</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>",
            ReplyXml.Text(Question, new TextReply("你好"), Now));

    [Fact]
    public void TheCDataTerminatorIsSplitAcrossTwoSections() =>
        Assert.Contains("<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>", ReplyXml.Text(Question, new TextReply("a]]>b"), Now), StringComparison.Ordinal);

    [Fact]
    public void CharactersXmlForbidsAreDroppedAndEmojiKept() =>
        Assert.Contains("<![CDATA[ab😀]]>", ReplyXml.Text(Question, new TextReply("a\u0001b\u0000😀"), Now), StringComparison.Ordinal);

    [Theory]
    [InlineData(MediaKind.Voice, "voice", "Voice")]
    [InlineData(MediaKind.Image, "image", "Image")]
    public void AMediaReplyNamesItsMediaInsideItsElement(MediaKind kind, string messageType, string element) =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[oFollower]]></ToUserName><FromUserName><![CDATA[gh_account]]></FromUserName>"
            + $"<CreateTime>1700000005</CreateTime><MsgType><![CDATA[{messageType}]]></MsgType><{element}><MediaId><![CDATA[media-1]]></MediaId></{element}></xml>",
            ReplyXml.Of(Question, new MediaReply(kind, "media-1"), Now));
}
