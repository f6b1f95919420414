namespace WeChatFunctions.Moderation;

internal static partial class ModerationLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The {Mode} moderation failed, so the text was withheld")]
    public static partial void ModeratorFailed(ILogger logger, string mode, Exception exception);
}
