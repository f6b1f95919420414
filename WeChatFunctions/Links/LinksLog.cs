namespace WeChatFunctions.Links;

internal static partial class LinksLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "A link could not be read: {Reason}")]
    public static partial void NotRead(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A link could not be read.")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The follower's shared link could not be read from storage; the question is answered without it.")]
    public static partial void SharedLinkUnavailable(ILogger logger, Exception exception);
}
