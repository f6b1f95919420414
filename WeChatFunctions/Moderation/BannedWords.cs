using System.Buffers;
using WeChatFunctions.Text;

namespace WeChatFunctions.Moderation;

/// <summary>
/// Finds any of many banned words in a text in one pass. <see cref="SearchValues{T}"/> for strings is .NET's
/// multi-pattern matcher: Aho–Corasick for large sets, a vectorised Teddy search for small ones. Text and words are
/// compared ignoring case and character width (<see cref="WidthFolding"/>), so full-width Ｘ and x match x.
/// </summary>
internal sealed class BannedWords
{
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

    private static string Normalize(string text) => WidthFolding.Fold(text);
}
