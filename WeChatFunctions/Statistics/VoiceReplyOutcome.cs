namespace WeChatFunctions.Statistics;

/// <summary>What became of an answer that was to be spoken, as the statistics count it and <c>get_stat</c> names it.</summary>
internal static class VoiceReplyOutcome
{
    public const string Spoken = "spoken";

    /// <summary>Longer than a WeChat voice may be (60 s, 2 MB).</summary>
    public const string TooLong = "too_long";

    /// <summary>Holds what a voice cannot carry, such as code, or nothing to say at all.</summary>
    public const string NotSpeakable = "not_speakable";

    public const string SpeechFailed = "speech_failed";

    public const string TimedOut = "timed_out";

    /// <summary>WeChat refused the upload, as it does for unverified accounts (48001).</summary>
    public const string UploadRefused = "upload_refused";

    public const string UploadFailed = "upload_failed";

    /// <summary>How <c>get_stat</c> names an outcome where the answer went as text.</summary>
    public static string Describe(string outcome) => outcome switch
    {
        TooLong => "过长",
        NotSpeakable => "不宜朗读",
        SpeechFailed => "合成失败",
        TimedOut => "超时",
        UploadRefused => "上传被拒",
        UploadFailed => "上传失败",
        _ => outcome,
    };
}
