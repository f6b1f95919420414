namespace WeChatFunctions.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The periodic cleanup failed; the next run tries again.")]
    public static partial void CleanupFailed(ILogger logger, Exception exception);
}
