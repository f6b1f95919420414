namespace WeChatFunctions.Dialog;

/// <summary>A piece of prompt text with its token count, counted once.</summary>
internal sealed record PromptPart(string Content, int TokenCount)
{
    public static PromptPart Count(string content, TokenCounter counter) => new(content, counter.CountMessage(content));

    /// <summary>This part and <paramref name="next"/> as one, a blank line between them.</summary>
    public PromptPart Followed(PromptPart next) => new(Content + "\n\n" + next.Content, TokenCount + next.TokenCount + 1);
}
