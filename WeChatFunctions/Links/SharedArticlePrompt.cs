using WeChatFunctions.Dialog;

namespace WeChatFunctions.Links;

/// <summary>
/// A shared article as the model gets it: a message of its own before the question, the text fenced as quoted material
/// (<see cref="QuotedMaterial"/>) under its title and link, cut to the tokens it may take. When the page could not be
/// read, the title and description WeChat sent with the link stand in for it, under a line saying why.
/// </summary>
internal static class SharedArticlePrompt
{
    /// <summary>No token is longer than this many characters in practice; the text is cut to it before counting, which then costs little.</summary>
    private const int MaxCharactersPerToken = 8;

    public static PromptPart Of(SharedLink link, LinkReading reading, int maxTokens, TokenCounter counter)
    {
        if (reading.Article is not { } article)
        {
            return PromptPart.Count(LinkTexts.SummaryHeading(reading.Failure) + "\n\n" + Fenced(link.Title, link, link.Description), counter);
        }

        var title = string.IsNullOrWhiteSpace(article.Title) ? link.Title : article.Title;
        var framing = counter.CountMessage(LinkTexts.ArticleHeading(cut: true) + "\n\n" + Fenced(title, link, ""));
        var room = maxTokens - framing;
        var start = article.Text.Length > room * MaxCharactersPerToken ? article.Text[..Math.Max(0, room * MaxCharactersPerToken)] : article.Text;
        var text = counter.Leading(start, room);
        return PromptPart.Count(LinkTexts.ArticleHeading(cut: text.Length < article.Text.Length) + "\n\n" + Fenced(title, link, text), counter);
    }

    private static string Fenced(string title, SharedLink link, string text) =>
        QuotedMaterial.Fence(LinkTexts.Source, LinkTexts.Heading(title, link.Url), text);
}
