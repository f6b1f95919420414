namespace WeChatFunctions.WebSearch;

/// <summary>What an operator needs to fix a search service: never the key, the query or the response's text.</summary>
internal static partial class WebSearchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The web search service ({Provider}) answered HTTP {Status}.")]
    public static partial void Refused(ILogger logger, string provider, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web search service ({Provider}) could not be reached or its answer was too large.")]
    public static partial void Unreachable(ILogger logger, string provider, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web search service ({Provider}) did not answer within {Seconds} seconds.")]
    public static partial void TimedOut(ILogger logger, string provider, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web search service ({Provider}) answered with something other than its documented JSON: {Problem}")]
    public static partial void Malformed(ILogger logger, string provider, string problem);
}
