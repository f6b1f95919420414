namespace WeChatFunctions.Speech;

internal static partial class VoiceReplyLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Speaking the answer to message {MessageId} failed; it goes as text.")]
    public static partial void SpeechFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speaking the answer to message {MessageId} and uploading the voice took more than {Seconds:0.#} s; it goes as text.")]
    public static partial void TimedOut(ILogger logger, string messageId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat refused to take the voice of the answer to message {MessageId} ({ErrorCode}); it goes as text.")]
    public static partial void UploadFailed(ILogger logger, string messageId, int errorCode, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat does not let this account upload media (48001: unverified accounts may not); answers go as text, and are not spoken for the next {Minutes} minutes.")]
    public static partial void UploadsRefused(ILogger logger, int minutes);
}
