namespace WeChatFunctions.Statistics;

/// <summary>What became of the voices the app transcribed itself, as the daily statistics count them, and how get_stat names each.</summary>
internal static class HeardVoiceOutcome
{
    public const string Heard = "heard";

    public const string Empty = "empty";

    public const string NotAuthorised = "not_authorised";

    public const string DownloadFailed = "download_failed";

    public const string ProviderFailed = "provider_failed";

    public const string TimedOut = "timed_out";

    /// <summary>The Chinese get_stat shows for each failure; a name not known here shows as it is.</summary>
    public static string Describe(string outcome) => outcome switch
    {
        Empty => "没听清",
        NotAuthorised => "无权下载（48001，请开启「接收语音识别结果」）",
        DownloadFailed => "下载失败",
        ProviderFailed => "识别服务出错",
        TimedOut => "超时",
        _ => outcome,
    };
}
