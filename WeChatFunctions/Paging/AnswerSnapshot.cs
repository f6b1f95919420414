namespace WeChatFunctions.Paging;

internal enum AnswerStatus
{
    Generating,
    Complete,
    Failed,
}

/// <summary>An answer as far as it has got. A failed answer's text is the apology the follower sees.</summary>
/// <param name="Preview">
/// While generating, how the block still being written would continue <paramref name="Text"/> if it ended now; only the
/// last attempt shows it, when <paramref name="Text"/> has nothing new.
/// </param>
/// <param name="Media">A finished answer's voice or picture, if it has one.</param>
internal sealed record AnswerSnapshot(string Text, AnswerStatus Status, string Preview = "", AnswerMedia? Media = null)
{
    public static readonly AnswerSnapshot Started = new("", AnswerStatus.Generating);

    public bool IsFinished => Status != AnswerStatus.Generating;
}
