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
    public static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return HasFormatCharacter(folded) ? WithoutFormatCharacters(folded) : folded;
    }

    public static bool IsFormat(Rune rune) => rune.Value >= 0xAD && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    private static bool HasFormatCharacter(string text)
    {
        // ASCII has no format characters; most questions end the search here.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsFormat(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static string WithoutFormatCharacters(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsFormat(rune))
            {
                kept.Append(rune);
            }
        }

        return kept.ToString();
    }
}
