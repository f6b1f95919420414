using System.Globalization;
using System.Text;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>One result of a web search: untrusted text from the page's publisher and the search service.</summary>
/// <param name="Title">The page's title, on one line, at most <see cref="MaxTitleCharacters"/> characters.</param>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Snippet">What the service quotes of the page, on one line, at most <see cref="MaxSnippetCharacters"/> characters.</param>
internal sealed record WebSearchResult(string Title, string Url, string Snippet)
{
    public const int MaxTitleCharacters = 80;

    public const int MaxSnippetCharacters = 300;

    /// <returns>The result, or <see langword="null"/> when <paramref name="url"/> is not a web page's address.</returns>
    public static WebSearchResult? Create(string? title, string? url, string? snippet)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || !address.IsWebAddress())
        {
            return null;
        }

        var line = OneLine(title);
        return new WebSearchResult(Cut(line.Length > 0 ? line : address.Host, MaxTitleCharacters), address.AbsoluteUri, Cut(OneLine(snippet), MaxSnippetCharacters));
    }

    public static string Cut(string text, int maxCharacters) => text.Length <= maxCharacters ? text : text[..maxCharacters].TrimEnd() + "…";

    /// <summary>Runs of white space, control and format characters as one space, so that a title cannot break the list it is in.</summary>
    private static string OneLine(string? text)
    {
        var line = new StringBuilder(text?.Length ?? 0);
        foreach (var character in text ?? "")
        {
            var blank = char.IsWhiteSpace(character) || char.IsControl(character) || char.GetUnicodeCategory(character) == UnicodeCategory.Format;
            if (!blank)
            {
                line.Append(character);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.ToString().TrimEnd();
    }
}
