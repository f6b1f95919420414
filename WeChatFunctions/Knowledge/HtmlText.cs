using AngleSharp.Dom;

namespace WeChatFunctions.Knowledge;

/// <summary>The readable text of an HTML element: one line per block (paragraph, heading, list item, row), no markup, scripts or styles.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr", "figure", "figcaption",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "svg", "iframe" };

    /// <exception cref="KnowledgeImportException">The text is longer than <see cref="HtmlLimits.MaxTextLength"/>.</exception>
    public static string Of(INode root, CancellationToken cancellationToken)
    {
        var lines = new TextLines(HtmlLimits.MaxTextLength);
        DomWalk.Walk(
            root,
            (node, _) =>
            {
                switch (node)
                {
                    case IText piece:
                        lines.Append(piece.Data);
                        return false;
                    case IElement element when Skipped.Contains(element.LocalName):
                        return false;
                    case IElement element when Blocks.Contains(element.LocalName):
                        lines.Break();
                        return true;
                    default:
                        return true;
                }
            },
            node =>
            {
                if (node is IElement element && Blocks.Contains(element.LocalName))
                {
                    lines.Break();
                }
            },
            cancellationToken);
        return lines.ToString();
    }
}
