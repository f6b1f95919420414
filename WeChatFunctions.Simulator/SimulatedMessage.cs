using System.Globalization;

namespace WeChatFunctions.Simulator;

/// <summary>
/// A push as WeChat builds it: common fields, then the type's own. Retries of one push send the same body.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
public sealed record SimulatedMessage(string Description, string MessageType, string Fields)
{
    public static SimulatedMessage Text(string content) =>
        new(content, "text", $"<Content>{CData(content)}</Content>{MsgId()}");

    public static SimulatedMessage Event(string eventName) => new($":{eventName}", "event", $"<Event>{CData(eventName)}</Event>");

    /// <param name="recognition">WeChat's transcript; <see langword="null"/> for an account without 接收语音识别结果.</param>
    /// <param name="mediaId">What fetches the voice with <c>media/get</c>.</param>
    /// <param name="format"><c>amr</c>, or <c>speex</c> for 16 kHz.</param>
    public static SimulatedMessage Voice(string? recognition, string mediaId = "simulated-voice", string format = "amr") =>
        new(recognition is null ? "[语音，没有识别结果]" : $"[语音] {recognition}", "voice", $"<MediaId>{CData(mediaId)}</MediaId><Format>{CData(format)}</Format>"
            + (recognition is null ? "" : $"<Recognition>{CData(recognition)}</Recognition>") + MsgId());

    public static SimulatedMessage Image(Uri pictureUrl) =>
        new($"[图片] {pictureUrl}", "image", $"<PicUrl>{CData(pictureUrl.ToString())}</PicUrl><MediaId>{CData("simulated-image")}</MediaId>{MsgId()}");

    public string Xml(string accountId, string followerId, DateTimeOffset createdAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"<xml><ToUserName>{CData(accountId)}</ToUserName><FromUserName>{CData(followerId)}</FromUserName><CreateTime>{createdAt.ToUnixTimeSeconds()}</CreateTime><MsgType>{CData(MessageType)}</MsgType>{Fields}</xml>");

    private static string CData(string value) => $"<![CDATA[{value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]>";

    private static string MsgId() => string.Create(CultureInfo.InvariantCulture, $"<MsgId>{Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");
}
