using WeChatFunctions.Paging;

namespace WeChatFunctions.Pictures;

/// <summary>What came of a picture request: the picture, uploaded to WeChat, or why there is none, in the follower's words.</summary>
internal sealed record PictureResult(AnswerMedia? Media, string FollowerText)
{
    public static PictureResult Drawn(AnswerMedia media) => new(media, PictureTexts.Drawn);

    public static PictureResult None(string followerText) => new(null, followerText);
}
