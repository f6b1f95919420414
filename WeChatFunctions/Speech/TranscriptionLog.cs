namespace WeChatFunctions.Speech;

internal static partial class TranscriptionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Voice {MessageId} heard in {Milliseconds} ms: {Outcome}, {Characters} characters.")]
    public static partial void VoiceHeard(ILogger logger, string messageId, long milliseconds, HearingOutcome outcome, int characters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat refused to let voice {MessageId} be downloaded (48001): the account may not use media/get; switch on 接收语音识别结果 instead.")]
    public static partial void VoiceNotAuthorised(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice {MessageId} could not be heard: {Outcome}.")]
    public static partial void VoiceNotHeard(ILogger logger, string messageId, HearingOutcome outcome, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice {MessageId} was heard, but what was heard could not be stored; attempts on other instances will hear it again.")]
    public static partial void HeardVoiceNotSaved(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice {MessageId} was being heard by an instance that went quiet {Seconds:0.0} s ago; heard again here.")]
    public static partial void HearingTakenOver(ILogger logger, string messageId, double seconds);
}
