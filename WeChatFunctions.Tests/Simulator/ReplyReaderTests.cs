using WeChatFunctions.Simulator;

namespace WeChatFunctions.Tests.Simulator;

/// <summary>The simulator shows voice and picture replies as WeChat would, and faults one that names no media.</summary>
public sealed class ReplyReaderTests
{
    private static readonly ReplyReader Reader = new(new SimulatedAccount(new Uri("http://127.0.0.1/api/wechat"), "token", "gh_simulator"));

    [Theory]
    [InlineData("voice", "Voice", "[语音] media-1")]
    [InlineData("image", "Image", "[图片] media-1")]
    public void AVoiceOrPictureReplyShowsItsMedia(string messageType, string element, string shown) =>
        Assert.Equal(FollowerView.Shows(shown), Reader.Read(Reply(messageType, $"<{element}><MediaId><![CDATA[media-1]]></MediaId></{element}>"), "oFollower"));

    [Fact]
    public void AVoiceReplyWithoutItsMediaIdIsAFault()
    {
        var view = Reader.Read(Reply("voice", "<Voice></Voice>"), "oFollower");

        Assert.Equal(FollowerView.ServiceFault, view.WeChatError);
        Assert.Contains("MediaId", view.Reason, StringComparison.Ordinal);
    }

    private static string Reply(string messageType, string body) =>
        $"<xml><ToUserName><![CDATA[oFollower]]></ToUserName><FromUserName><![CDATA[gh_simulator]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[{messageType}]]></MsgType>{body}</xml>";
}
