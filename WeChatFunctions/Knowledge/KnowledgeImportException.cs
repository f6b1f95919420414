namespace WeChatFunctions.Knowledge;

/// <summary>A document could not be imported; the message, in Chinese, is shown to the admin in <c>kb_stats</c>.</summary>
internal sealed class KnowledgeImportException : Exception
{
    public KnowledgeImportException(string message)
        : base(message)
    {
    }

    public KnowledgeImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KnowledgeImportException()
    {
    }
}
