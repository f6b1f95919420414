namespace WeChatFunctions.Background;

internal static partial class BackgroundLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Background work failed.")]
    public static partial void BackgroundWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timed out with {Count} answers still generating; other instances take over their claims.")]
    public static partial void ShutdownOutranBackgroundWork(ILogger logger, int count);
}
