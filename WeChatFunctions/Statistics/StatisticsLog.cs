namespace WeChatFunctions.Statistics;

internal static partial class StatisticsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A statistics update could not be recorded.")]
    public static partial void StatisticsNotRecorded(ILogger logger, Exception exception);
}
