namespace WeChatFunctions.Dialog;

/// <summary>A piece of prompt text with its token count, counted once.</summary>
internal sealed record PromptPart(string Content, int TokenCount)
{
    public static PromptPart Count(string content, TokenCounter counter) => new(content, counter.CountMessage(content));
}
