namespace WeChatFunctions.Answering;

internal static partial class AnsweringLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} showed no progress for {Seconds:F0} s; its generation was taken over by this instance.")]
    public static partial void ClaimTakenOver(ILogger logger, string messageId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was taken over by another instance; this instance stops saving its answer.")]
    public static partial void ClaimLost(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress of message {MessageId} could not be saved; attempts on other instances see it later.")]
    public static partial void ClaimNotSaved(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily quota could not be checked; the question was not sent to the model.")]
    public static partial void QuotaUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The charge of message {MessageId} could not be settled: its tokens were not recorded, nor an unanswered question refunded.")]
    public static partial void ChargeNotSettled(ILogger logger, string messageId, Exception exception);
}
