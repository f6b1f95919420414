namespace WeChatFunctions.Paging;

/// <summary>An answer the follower has not read to the end: which message it answers, and how far they have read.</summary>
/// <param name="Page">The number of the page that starts at <paramref name="Offset"/>, counting from 1.</param>
internal sealed record PendingAnswer(string MessageId, int Offset, int Page = 1)
{
    /// <summary>Where the follower is once they have read <paramref name="page"/>; a holding message is no page.</summary>
    public PendingAnswer After(Page page) => this with { Offset = page.End, Page = page.End > Offset ? Page + 1 : Page };
}
