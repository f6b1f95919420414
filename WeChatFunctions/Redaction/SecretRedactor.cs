using System.Text;
using WeChatFunctions.Text;

namespace WeChatFunctions.Redaction;

/// <summary>
/// Finds secrets in a text however they were written: in any width or case, with spaces, zero-width or other format
/// characters between their characters. Both sides are reduced to a skeleton (NFKC, lower case, no white space or
/// format characters) that remembers where each of its characters came from, so that what is replaced is exactly the
/// stretch of the original that spelled the secret.
/// </summary>
internal static class SecretRedactor
{
    public const string Placeholder = "[已隐藏]";

    /// <summary>The form <see cref="Redact"/> looks for; computed once per secret.</summary>
    public static string SkeletonOf(string secret) => Skeleton(secret, origins: null);

    public static string Redact(string text, IReadOnlyList<string> secretSkeletons)
    {
        if (secretSkeletons.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var origins = new List<Range>(text.Length);
        var skeleton = Skeleton(text, origins);
        var found = new List<Range>();
        foreach (var secret in secretSkeletons)
        {
            for (var at = skeleton.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = skeleton.IndexOf(secret, at + 1, StringComparison.Ordinal))
            {
                found.Add(new Range(origins[at].Start, origins[at + secret.Length - 1].End));
            }
        }

        return found.Count == 0 ? text : Replaced(text, found);
    }

    private static string Skeleton(string text, List<Range>? origins)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormKC);
        var skeleton = new StringBuilder(text.Length);
        var index = 0;
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var start = index;
            index += rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || InboundText.IsFormat(rune))
            {
                continue;
            }

            ReadOnlySpan<char> folded = normalized || rune.IsAscii ? units[..rune.EncodeToUtf16(units)] : rune.ToString().Normalize(NormalizationForm.FormKC);
            foreach (var character in folded)
            {
                skeleton.Append(char.ToLowerInvariant(character));
                origins?.Add(new Range(start, index));
            }
        }

        return skeleton.ToString();
    }

    private static string Replaced(string text, List<Range> found)
    {
        found.Sort((left, right) => left.Start.Value.CompareTo(right.Start.Value));
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var range in found)
        {
            if (range.Start.Value >= copied)
            {
                result.Append(text, copied, range.Start.Value - copied).Append(Placeholder);
            }

            copied = Math.Max(copied, range.End.Value);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}
