namespace WeChatFunctions.Tools;

internal static partial class ToolsLog
{
    /// <summary>The reason may quote what the follower asked about (an order number), so it is only logged at Debug.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "The tool {Tool} failed.")]
    public static partial void ToolFailed(ILogger logger, string tool);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The tool {Tool} failed: {Reason}")]
    public static partial void ToolFailedBecause(ILogger logger, string tool, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tool {Tool} took longer than {Seconds} s and was given up.")]
    public static partial void ToolTimedOut(ILogger logger, string tool, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The tool {Tool} threw.")]
    public static partial void ToolCrashed(ILogger logger, string tool, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool call {Round}.{Index} ({Tool}) of message {MessageId} was recorded before; its result is reused, not run again.")]
    public static partial void CallReplayed(ILogger logger, string messageId, int round, int index, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool call {Round}.{Index} ({Tool}) of message {MessageId} was not run: another generation recorded a call in its place.")]
    public static partial void CallTakenElsewhere(ILogger logger, string messageId, int round, int index, string tool);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tool call {Round}.{Index} ({Tool}) of message {MessageId} could not be recorded; it was not run.")]
    public static partial void CallNotRecorded(ILogger logger, string messageId, int round, int index, string tool, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The result of tool call {Round}.{Index} ({Tool}) of message {MessageId} could not be stored; an instance taking over will not know it.")]
    public static partial void ResultNotRecorded(ILogger logger, string messageId, int round, int index, string tool, Exception exception);
}
