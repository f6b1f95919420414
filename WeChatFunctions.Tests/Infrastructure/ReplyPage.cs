using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Reads a paged reply as the follower does: its marker, such as <c>(2/3)</c>, its text, and its notice.</summary>
public static partial class ReplyPage
{
    /// <summary>The page's own text, without the marker before it and the 「继续」 notice after it.</summary>
    public static string TextOf(string reply)
    {
        var text = Marker().Replace(reply, "", 1);
        var notice = text.IndexOf("\n\n（", StringComparison.Ordinal);
        return notice < 0 ? text : text[..notice];
    }

    /// <summary>The marker, such as <c>(2/3)</c> or <c>(1/…)</c>; empty for a single-page answer.</summary>
    public static string MarkerOf(string reply) => Marker().Match(reply) is { Success: true } match ? match.Value.TrimEnd() : "";

    [GeneratedRegex(@"^\(\d+/(\d+|…)\) ")]
    private static partial Regex Marker();
}
