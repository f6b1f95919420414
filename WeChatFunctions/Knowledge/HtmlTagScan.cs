using System.Text;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Estimates a page's <see cref="HtmlShape"/> from its bytes, in one pass, before the parser spends time on it. It
/// reads tags the way the parser nests them closely enough to catch a page built to be deep: void elements, elements
/// whose end tag is optional or that cannot hold themselves (<c>p</c>, <c>li</c>, <c>td</c>, <c>a</c>…), script and
/// style text, and comments do not nest. Any ASCII-compatible encoding (UTF-8, GBK) reads the same.
/// </summary>
internal static class HtmlTagScan
{
    private static readonly HashSet<string> Flat = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound",
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rtc", "rp",
        "a", "button", "form", "nobr", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    public static HtmlShape Estimate(ReadOnlySpan<byte> html)
    {
        var (elements, depth, deepest, foreign) = (0, 0, 0, 0);
        for (var at = html.IndexOf((byte)'<'); at >= 0; at = Next(html, at))
        {
            var tag = html[at..];
            if (tag.StartsWith("<!--"u8))
            {
                at += Skip(tag, "-->"u8);
                continue;
            }

            var closing = tag.Length > 1 && tag[1] == '/';
            var name = NameOf(tag[(closing ? 2 : 1)..]);
            if (tag.Length > 1 && (tag[1] == '!' || tag[1] == '?'))
            {
                at += Skip(tag, ">"u8);
                continue;
            }

            if (name.Length == 0)
            {
                continue;
            }

            var end = EndOf(tag);
            at += end;
            var foreignElement = name is "svg" or "math";
            if (closing)
            {
                (depth, foreign) = Flat.Contains(name) ? (depth, foreign) : (Math.Max(0, depth - 1), foreignElement ? Math.Max(0, foreign - 1) : foreign);
                continue;
            }

            elements++;
            if (RawText.Contains(name))
            {
                at += Skip(html[at..], Encoding.ASCII.GetBytes("</" + name), ignoreCase: true);
                continue;
            }

            var selfClosing = end > 1 && tag[end - 1] == '/';
            if (Flat.Contains(name) || (selfClosing && (foreign > 0 || foreignElement)))
            {
                continue;
            }

            (depth, foreign) = (depth + 1, foreignElement ? foreign + 1 : foreign);
            deepest = Math.Max(deepest, depth);
        }

        return new HtmlShape(elements, deepest);
    }

    private static int Next(ReadOnlySpan<byte> html, int at) =>
        at + 1 < html.Length && html[(at + 1)..].IndexOf((byte)'<') is var next and >= 0 ? at + 1 + next : -1;

    /// <returns>The tag's name in lower case, or empty when the <c>&lt;</c> opens no tag.</returns>
    private static string NameOf(ReadOnlySpan<byte> rest)
    {
        var length = 0;
        while (length < rest.Length && length < 32 && (char.IsAsciiLetterOrDigit((char)rest[length]) || rest[length] is (byte)'-' or (byte)':'))
        {
            length++;
        }

        return length > 0 && char.IsAsciiLetter((char)rest[0]) ? Encoding.ASCII.GetString(rest[..length]).ToLowerInvariant() : "";
    }

    /// <returns>The index of the tag's closing <c>&gt;</c>, past quoted attribute values, or the length when there is none.</returns>
    private static int EndOf(ReadOnlySpan<byte> tag)
    {
        byte? quote = null;
        for (var at = 1; at < tag.Length; at++)
        {
            var character = tag[at];
            if (quote is not null)
            {
                quote = character == quote ? null : quote;
            }
            else if (character is (byte)'"' or (byte)'\'')
            {
                quote = character;
            }
            else if (character == '>')
            {
                return at;
            }
        }

        return tag.Length;
    }

    /// <returns>How far past <paramref name="marker"/> the text goes on, or its whole length when the marker is not in it.</returns>
    private static int Skip(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker, bool ignoreCase = false)
    {
        var found = ignoreCase ? IndexOfIgnoringCase(text, marker) : text.IndexOf(marker);
        return found < 0 ? text.Length : found + marker.Length - 1;
    }

    private static int IndexOfIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker)
    {
        for (var from = 0; ;)
        {
            var at = text[from..].IndexOf(marker[0]);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            if (Ascii.EqualsIgnoreCase(text.Slice(at, Math.Min(marker.Length, text.Length - at)), marker))
            {
                return at;
            }

            from = at + 1;
        }
    }
}
