using System.Buffers;

namespace WeChatFunctions.Moderation;

/// <summary>
/// Finds any of many banned words in a text in one pass. <see cref="SearchValues{T}"/> for strings is .NET's
/// multi-pattern matcher: Aho–Corasick for large sets, a vectorised Teddy search for small ones. Text and words are
/// compared ignoring case and character width, so full-width Ｘ and x match x. (Width is folded by hand: the app
/// runs with invariant globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is.)
/// </summary>
internal sealed class BannedWords
{
    private const char IdeographicSpace = '\u3000';
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';

    private readonly SearchValues<string> _words;

    public BannedWords(IEnumerable<string> words)
    {
        string[] normalized = [.. words.Select(word => Normalize(word.Trim())).Where(word => word.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        Count = normalized.Length;
        _words = SearchValues.Create(normalized, StringComparison.OrdinalIgnoreCase);
    }

    public int Count { get; }

    public bool AnyIn(string text) => Count > 0 && Normalize(text).AsSpan().ContainsAny(_words);

    /// <summary>Words and phrases separated by new lines, commas (, ，、) or semicolons; a phrase keeps its spaces.</summary>
    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their ASCII forms.</summary>
    private static string Normalize(string text) => !text.AsSpan().ContainsAnyInRange(FullWidthFirst, FullWidthLast) && !text.Contains(IdeographicSpace) ? text : string.Create(text.Length, text, static (folded, source) =>
    {
        for (var index = 0; index < source.Length; index++)
        {
            folded[index] = source[index] switch
            {
                IdeographicSpace => ' ',
                >= FullWidthFirst and <= FullWidthLast and var wide => (char)(wide - FullWidthFirst + '!'),
                var other => other,
            };
        }
    });
}
