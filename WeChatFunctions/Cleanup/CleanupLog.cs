namespace WeChatFunctions.Cleanup;

internal static partial class CleanupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup deleted {Total} expired rows ({Details}).")]
    public static partial void CleanedUp(ILogger logger, int total, CleanupReport details);
}
