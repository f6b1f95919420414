namespace WeChatFunctions.Speech;

/// <summary>What a follower is told when their voice could not be heard.</summary>
internal static class HearingTexts
{
    public const string NotHeard = "没听清，请再说一遍或打字。";

    public const string NotAuthorised = "抱歉，这个公众号暂时听不了语音，请发文字给我。";

    /// <summary>Added for a follower at most once a day: the admins are the ones who can act on it.</summary>
    public const string NotAuthorisedHint =
        "\n\n（给管理员的提示：公众号没有下载语音的接口权限（48001，未认证的公众号常见）。在微信开发者平台开启「接收语音识别结果」后，微信会把识别出的文字随语音一起发来，这里就能回答语音了。）";

    public const string Failed = "抱歉，语音识别暂时出了问题，这条语音没能听懂。请稍后再说一遍，或者打字告诉我。";

    /// <summary>For the last attempt, when the voice is still being heard after every other attempt ran out of time.</summary>
    public const string TooSlow = "抱歉，这条语音识别得太慢了，请再说一遍，或者打字告诉我。";

    /// <summary>The reply to a voice that was not heard, whatever the reason.</summary>
    public static string For(HeardVoice voice) => voice.Outcome switch
    {
        HearingOutcome.Empty => NotHeard,
        HearingOutcome.NotAuthorised => NotAuthorised + (voice.HintShown ? NotAuthorisedHint : ""),
        HearingOutcome.Hearing => TooSlow,
        HearingOutcome.Heard => throw new ArgumentException("A voice that was heard is answered, not apologised for.", nameof(voice)),
        _ => Failed,
    };
}
