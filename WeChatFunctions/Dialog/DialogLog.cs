namespace WeChatFunctions.Dialog;

internal static partial class DialogLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation history could not be read; the question was not sent to the model.")]
    public static partial void HistoryUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model rejected a prompt of at most {MaxTokens} tokens as too long; retrying with less history.")]
    public static partial void ContextLengthExceeded(ILogger logger, int maxTokens);

    [LoggerMessage(Level = LogLevel.Error, Message = "The model API failed or could not be reached.")]
    public static partial void ModelUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A follower's pending image could not be deleted after its answer.")]
    public static partial void PendingImageNotDeleted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "An answer broken off by an instance that died was continued from its first {Characters} characters.")]
    public static partial void AnswerContinued(ILogger logger, int characters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model API refused a request that offered tools; the question was asked again without them.")]
    public static partial void ToolsRejected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The tool calls recorded for a question taken over could not be read; it is answered without tools.")]
    public static partial void ToolCallsUnavailable(ILogger logger, Exception exception);
}
