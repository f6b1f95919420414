namespace WeChatFunctions.Knowledge;

internal static partial class KnowledgeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge document {DocumentId} imported: {Chunks} chunks, {Tokens} embedding tokens.")]
    public static partial void Imported(ILogger logger, string documentId, int chunks, long tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge document {DocumentId} was not imported: {Reason}")]
    public static partial void ImportFailed(ILogger logger, string documentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge base could not be searched; the question is answered without it.")]
    public static partial void SearchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge base's vectors could not be loaded at start-up; the first question loads them.")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A background knowledge import failed.")]
    public static partial void BackgroundImportFailed(ILogger logger, Exception exception);
}
