namespace WeChatFunctions.Pushing;

internal static partial class PushingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed message {MessageId}'s answer in {Sent} customer-service message(s); more for 「继续」: {HasMore}.")]
    public static partial void Pushed(ILogger logger, string messageId, int sent, bool hasMore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}'s answer falls back to passive replies and 「继续」 after {Sent} pushed message(s): {Problem}.")]
    public static partial void FellBack(ILogger logger, string messageId, int sent, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing message {MessageId}'s answer failed for now ({Failures} time(s)); it is tried again.")]
    public static partial void PushDeferred(ILogger logger, string messageId, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}'s last send may or may not have reached WeChat (its instance stopped during the call, or the call got no answer); it is sent again.")]
    public static partial void ResendingUnconfirmed(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}'s answer could not be pushed as it finished; the sweep tries again.")]
    public static partial void PushLeftToSweep(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The typing indicator could not be shown.")]
    public static partial void TypingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of pending pushes failed.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
