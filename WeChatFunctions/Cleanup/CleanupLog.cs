namespace WeChatFunctions.Cleanup;

internal static partial class CleanupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup deleted {Claims} expired message claims, {Turns} conversation turns past retention, {Pushes} push fingerprints and {Usage} old per-follower usage rows.")]
    public static partial void CleanedUp(ILogger logger, int claims, int turns, int pushes, int usage);
}
