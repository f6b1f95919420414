using System.Buffers;
using System.Text;

namespace WeChatFunctions.Text;

/// <summary>
/// Splits text into pages that each fit WeChat's measured 2048-byte UTF-8 limit for a text reply. Cuts fall after a
/// paragraph, else after a line, else after a sentence, else at the last whole character; never inside a UTF-8 sequence
/// or a surrogate pair. Joined, the pages equal the text.
/// </summary>
internal static class Utf8Pages
{
    public const int WeChatTextLimitBytes = 2048;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；….!?;");

    public static IReadOnlyList<string> Split(string text, int maxBytes = WeChatTextLimitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var pages = new List<string>();
        var rest = text.AsSpan();
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var cut = BestCut(rest, maxBytes);
            pages.Add(rest[..cut].ToString());
            rest = rest[cut..];
        }

        if (pages.Count == 0 || !rest.IsEmpty)
        {
            pages.Add(rest.ToString());
        }

        return pages;
    }

    /// <summary>The first page, with <paramref name="notice"/> appended when the text had to be cut.</summary>
    public static string FirstPage(string text, string notice, int maxBytes = WeChatTextLimitBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        return Split(text, maxBytes - Encoding.UTF8.GetByteCount(notice))[0].TrimEnd() + notice;
    }

    /// <summary>The length of the first page of <paramref name="text"/>: all of it when it fits.</summary>
    public static int FirstPageLength(ReadOnlySpan<char> text, int maxBytes) =>
        Encoding.UTF8.GetByteCount(text) <= maxBytes ? text.Length : BestCut(text, maxBytes);

    /// <summary>
    /// The length of the longest prefix that fits and ends after a line or a sentence; 0 when there is none.
    /// For text still streaming, where the last sentence may not be finished.
    /// </summary>
    public static int CompleteSentencesLength(ReadOnlySpan<char> text, int maxBytes)
    {
        var window = text[..LongestPrefixWithin(text, maxBytes)];
        return Math.Max(window.LastIndexOf('\n'), window.LastIndexOfAny(SentenceEnds)) + 1;
    }

    private static int BestCut(ReadOnlySpan<char> text, int maxBytes)
    {
        var fits = LongestPrefixWithin(text, maxBytes);
        var window = text[..fits];
        var floor = fits / 2;

        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= floor)
        {
            return paragraph + 2;
        }

        var line = window.LastIndexOf('\n');
        if (line >= floor)
        {
            return line + 1;
        }

        var sentence = window.LastIndexOfAny(SentenceEnds);
        return sentence >= floor ? sentence + 1 : fits;
    }

    private static int LongestPrefixWithin(ReadOnlySpan<char> text, int maxBytes)
    {
        var bytes = 0;
        var index = 0;
        while (index < text.Length)
        {
            var width = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.Slice(index, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            index += width;
        }

        return index;
    }
}
