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
        var (title, text) = reading.Article is { } article
            ? (string.IsNullOrWhiteSpace(article.Title) ? link.Title : article.Title, article.Text)
            : (link.Title, link.Description);
        var room = maxTokens - counter.CountMessage(Heading(reading, cut: true) + "\n\n" + Fenced(title, link, ""));
        var start = room <= 0 ? "" : text.Length > room * MaxCharactersPerToken ? text[..(room * MaxCharactersPerToken)] : text;
        var kept = counter.Leading(start, room);
        return PromptPart.Count(Heading(reading, cut: kept.Length < text.Length) + "\n\n" + Fenced(title, link, kept), counter);
    }

    private static string Heading(LinkReading reading, bool cut) =>
        reading.Article is null ? LinkTexts.SummaryHeading(reading.Failure) : LinkTexts.ArticleHeading(cut);

    private static string Fenced(string title, SharedLink link, string text) =>
        QuotedMaterial.Fence(LinkTexts.Source, LinkTexts.Heading(title, link.Url), text);
}
