namespace WeChatFunctions.Conversations;

internal static partial class ConversationLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation history could not be read; the question was not sent to the model.")]
    public static partial void HistoryUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The answer was delivered but the exchange could not be stored.")]
    public static partial void HistoryNotStored(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model rejected a prompt of at most {MaxTokens} tokens as too long; retrying with less history.")]
    public static partial void ContextLengthExceeded(ILogger logger, int maxTokens);

    [LoggerMessage(Level = LogLevel.Error, Message = "The model API failed or could not be reached.")]
    public static partial void ModelUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} showed no progress for {Seconds:F0} s; its generation was taken over by this instance.")]
    public static partial void ClaimTakenOver(ILogger logger, string messageId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was taken over by another instance; this instance stops saving its answer.")]
    public static partial void ClaimLost(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress of message {MessageId} could not be saved; attempts on other instances see it later.")]
    public static partial void ClaimNotSaved(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work failed.")]
    public static partial void BackgroundWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timed out with {Count} answers still generating; other instances take over their claims.")]
    public static partial void ShutdownOutranBackgroundWork(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed while replying to message {MessageId}.")]
    public static partial void ReplyStorageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily quota could not be checked; the question was not sent to the model.")]
    public static partial void QuotaUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The charge for unanswered message {MessageId} could not be refunded.")]
    public static partial void RefundFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup deleted {Claims} expired message claims, {Turns} conversation turns past retention, {Pushes} push fingerprints and {Usage} old per-follower usage rows.")]
    public static partial void CleanedUp(ILogger logger, int claims, int turns, int pushes, int usage);

    [LoggerMessage(Level = LogLevel.Error, Message = "The periodic cleanup failed; the next run tries again.")]
    public static partial void CleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An admin command was refused (wrong token, not an admin, or locked out).")]
    public static partial void AdminCommandRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin command {Command} was run.")]
    public static partial void AdminCommandRun(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A statistics update could not be recorded.")]
    public static partial void StatisticsNotRecorded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A follower's image could not be downloaded: {Reason}.")]
    public static partial void ImageNotDownloaded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A follower's pending image could not be deleted after its answer.")]
    public static partial void PendingImageNotDeleted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A follower unfollowed; their conversation, answers and pending image were deleted.")]
    public static partial void FollowerForgotten(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An admin command could not be written to the audit log.")]
    public static partial void AuditNotRecorded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The tokens of message {MessageId} could not be added to the follower's usage.")]
    public static partial void TokensNotRecorded(ILogger logger, string messageId, Exception exception);
}
