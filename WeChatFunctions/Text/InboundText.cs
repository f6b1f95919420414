using System.Globalization;
using System.Text;

namespace WeChatFunctions.Text;

/// <summary>
/// The one normalisation every text a follower sends goes through before it is looked at: typed text, WeChat's voice
/// recognition and any later transcript. NFKC folds full-width and other compatibility forms into their plain
/// spelling (ａｄｍｉｎ into admin, ： into :), and format characters are dropped: zero-width spaces and joiners, direction
/// marks, the byte-order mark, and the invisible tag characters that can smuggle text past a reader to a model.
/// </summary>
internal static class InboundText
{
    public static string Normalize(string text) =>
        WithoutFormatCharacters(text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC));

    public static bool IsFormat(Rune rune) => rune.Value >= 0xAD && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    /// <returns>The text itself when it has none, which is nearly always.</returns>
    public static string WithoutFormatCharacters(string text)
    {
        // ASCII has no format characters; most questions end the search here.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return text;
        }

        StringBuilder? kept = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsFormat(rune))
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, index);
            }
            else
            {
                kept?.Append(rune);
            }

            index += rune.Utf16SequenceLength;
        }

        return kept?.ToString() ?? text;
    }
}
