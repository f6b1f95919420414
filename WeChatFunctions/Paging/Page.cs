namespace WeChatFunctions.Paging;

/// <summary>A page of an answer: its text (or its voice or picture), where it ends in the answer, and whether more follows.</summary>
internal sealed record Page(string Text, int End, bool HasMore, AnswerMedia? Media = null)
{
    /// <summary>Whether the page shows the follower anything: a holding message is no page.</summary>
    public bool Shows => Media is not null || !string.IsNullOrWhiteSpace(Text);
}
