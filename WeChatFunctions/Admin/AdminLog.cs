namespace WeChatFunctions.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "An admin command was refused (wrong token, not an admin, or locked out).")]
    public static partial void AdminCommandRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin command {Command} was run.")]
    public static partial void AdminCommandRun(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An admin command could not be written to the audit log.")]
    public static partial void AuditNotRecorded(ILogger logger, Exception exception);
}
