namespace WeChatFunctions.Messages;

internal static partial class MessagesLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed while replying to message {MessageId}.")]
    public static partial void ReplyStorageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A follower unfollowed; their conversation, answers and pending image were deleted.")]
    public static partial void FollowerForgotten(ILogger logger);
}
