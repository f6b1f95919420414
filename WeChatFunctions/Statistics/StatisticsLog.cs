namespace WeChatFunctions.Statistics;

internal static partial class StatisticsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance's statistics could not be written; they are tried again at the next flush.")]
    public static partial void StatisticsNotRecorded(ILogger logger, Exception exception);
}
