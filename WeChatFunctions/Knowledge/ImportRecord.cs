namespace WeChatFunctions.Knowledge;

/// <summary>One import of a source, for <c>kb_stats</c>: running, or how it ended.</summary>
internal sealed record ImportRecord(string DocumentId, string Source, ImportStatus Status, string Detail, DateTimeOffset StartedAt);

internal enum ImportStatus
{
    Running,
    Added,
    Updated,

    /// <summary>The content hash matched the stored document's: nothing was embedded.</summary>
    Unchanged,
    Failed,
}
