namespace WeChatFunctions.Conversations;

internal enum AnswerStatus
{
    Generating,
    Complete,
    Failed,
}

/// <summary>An answer as far as it has got. A failed answer's text is the apology the follower sees.</summary>
internal sealed record AnswerSnapshot(string Text, AnswerStatus Status)
{
    public static readonly AnswerSnapshot Started = new("", AnswerStatus.Generating);

    public bool IsFinished => Status != AnswerStatus.Generating;
}
