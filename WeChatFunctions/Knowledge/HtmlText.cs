using System.Text;
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

    public static string Of(INode root)
    {
        var text = new StringBuilder();
        Append(root, text);
        return string.Join('\n', text.ToString().Split('\n').Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(line => line.Length > 0));
    }

    private static void Append(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText piece:
                text.Append(piece.Data.Replace('\n', ' '));
                return;
            case IElement element when Skipped.Contains(element.LocalName):
                return;
            case IElement element when Blocks.Contains(element.LocalName):
                text.Append('\n');
                AppendChildren(node, text);
                text.Append('\n');
                return;
            default:
                AppendChildren(node, text);
                return;
        }
    }

    private static void AppendChildren(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            Append(child, text);
        }
    }
}
