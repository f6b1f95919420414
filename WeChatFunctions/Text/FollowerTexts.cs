namespace WeChatFunctions.Text;

/// <summary>Every fixed text a follower can see, in one place.</summary>
internal static class FollowerTexts
{
    public const string ModelUnavailable = "抱歉，AI 服务暂时繁忙或无法连接，请稍后再发一次你的问题。";

    public const string StorageUnavailable = "抱歉，服务暂时无法读取对话记录，请稍后再试。你的问题没有被计入用量。";

    /// <summary>
    /// The last attempt's reply when storage failed on the way: the question may have been claimed and be answered
    /// anyway. 「继续」 is always accepted, whatever <c>continue_keyword</c> says.
    /// </summary>
    public const string ReplyStorageFailed = "抱歉，服务暂时出了点问题。过一会儿发送「继续」可以查看这个问题的回答；如果显示没有内容，请重新提问。";

    public const string QuestionTooLong = "抱歉，这条消息太长了，超出了模型能处理的长度。请精简后再发。";

    public const string EmptyAnswer = "抱歉，AI 这次没有给出回答，请换个说法再问一次。";

    public const string EmptyQuestion = "请发送文字问题，我会尽力回答。";

    public const string AnswerInterrupted = "\n\n（回答生成中断，以上是已生成的部分。）";

    /// <summary>The lines the answer's tools left for the follower, such as 「已记住：…」, after a blank line; nothing when there are none.</summary>
    public static string Footnotes(IReadOnlyList<string> lines) => lines.Count == 0 ? "" : "\n\n" + string.Join("\n", lines);

    public const string QuestionBlocked = "抱歉，这个问题我无法回答，换个话题吧。这次提问没有计入用量。";

    public const string AnswerBlocked = "抱歉，这个问题我无法回答，换个话题吧。";

    public const string TooBusy = "抱歉，现在提问的人太多了，请稍后再发一次你的问题。这次提问没有计入用量。";

    public const string AnswerTimedOut = "抱歉，这个回答花的时间太长，已经放弃了。请换个问法或稍后再试，这次提问没有计入用量。";

    public const string ModerationUnavailable = "抱歉，内容审核服务暂时不可用，请稍后再试。你的问题没有被计入用量。";

    public const string Blocked = "抱歉，你暂时无法使用本服务。";

    /// <summary>Ends a fixed reply cut to WeChat's 2048 bytes, such as a long white list or <c>get_audit 50</c>.</summary>
    public const string Truncated = "\n（超出微信单条消息的长度，后面的内容没有显示。）";

    public const string NothingToContinue = "没有需要继续查看的内容了，直接发送新问题吧。";

    public const string AnswerExpired = "之前的回答已过期，请重新提问。";

    public const string ImageReceived = "收到图片了！你想了解这张图片的什么？请在 10 分钟内发送你的问题。";

    public const string ImageTooLarge = "这张图片太大了（超过 10 MB），请压缩后再发。";

    public const string ImageTooSlow = "图片下载超时了，请稍后重新发送这张图片。";

    public const string ImageUnavailable = "这张图片没能下载下来，请重新发送。";

    public const string ImageFormatUnsupported = "暂不支持这种图片格式，请发送 JPG、PNG、GIF 或 WebP 图片。";

    public const string VoiceRecognitionOff =
        "暂时听不懂这条语音：公众号还没有开启语音识别。管理员可以在公众号后台「设置与开发 → 接口权限 → 对话服务 → 接收语音识别结果」中开启。现在请先发文字给我。";

    public static string Unsupported(string messageType) =>
        $"暂时不支持{MessageTypeName(messageType)}消息。我能处理文字、语音和图片，请直接输入文字和我对话。";

    private static string MessageTypeName(string messageType) => messageType switch
    {
        "video" => "视频",
        "shortvideo" => "小视频",
        "location" => "位置",
        "link" => "链接",
        "file" => "文件",
        _ => $"「{messageType}」类型的",
    };

    /// <summary>Shorter than <see cref="MoreToFollow"/>, whose room the page leaves.</summary>
    public const string RestIsPushed = "\n\n（未完，后续内容马上发给你）";

    public static string MoreToFollow(string continueKeyword) => $"\n\n（未完，回复「{continueKeyword}」查看后续）";

    public static string EarlierAnswerWaiting(string continueKeyword) => $"\n\n（上一个回答还有后续，回复「{continueKeyword}」查看）";

    public static string StillPreparing(string continueKeyword) => $"回答还在生成中，请稍后回复「{continueKeyword}」查看。";

    public static string OverQuota(int dailyLimit, int hoursUntilReset, string? adminEmail) =>
        $"今天的提问次数（{dailyLimit} 次）已经用完了，约 {hoursUntilReset} 小时后（0 点）重置。"
        + MoreFrom(adminEmail);

    public static string OverTokenQuota(long dailyTokens, int hoursUntilReset, string? adminEmail) =>
        $"今天剩下的 token 额度（每天 {dailyTokens}）不够再回答一个问题了，约 {hoursUntilReset} 小时后（0 点）重置。" + MoreFrom(adminEmail);

    public static string AccountOutOfTokens(int hoursUntilReset) =>
        $"抱歉，今天的额度已用完，约 {hoursUntilReset} 小时后（0 点）恢复，明天再来吧。";

    public static string OverPictureQuota(int dailyPictures, int hoursUntilReset, string? adminEmail) =>
        $"今天的画图次数（每天 {dailyPictures} 张）已经用完了，约 {hoursUntilReset} 小时后（0 点）重置。" + MoreFrom(adminEmail);

    public static string RateLimited(int perMinute, int secondsToWait) =>
        $"提问太快了：每分钟最多 {perMinute} 个问题。请 {secondsToWait} 秒后再问。";

    private static string MoreFrom(string? adminEmail) =>
        string.IsNullOrWhiteSpace(adminEmail) ? "" : $"如需更多额度，请联系管理员：{adminEmail}";
}
