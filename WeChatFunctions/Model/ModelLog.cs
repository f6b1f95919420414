namespace WeChatFunctions.Model;

internal static partial class ModelLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The model API failed transiently ({Reason}); retry {Retry} in {DelayMilliseconds} ms.")]
    public static partial void RetryingTransientFailure(ILogger logger, int retry, double delayMilliseconds, string reason);
}
