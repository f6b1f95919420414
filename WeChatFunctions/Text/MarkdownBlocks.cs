using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WeChatFunctions.Text;

/// <summary>
/// Renders one Markdown block as text that reads naturally in WeChat, which shows replies as plain text: headings in
/// 【】, bullets as •, numbers kept, links as <c>text (url)</c>, code verbatim without fences, table rows with
/// <c> | </c> between cells, quotes behind <c>&gt; </c>, images as their alt text.
/// </summary>
internal static class MarkdownBlocks
{
    private const string Indent = "  ";

    /// <summary>A paragraph of nothing but text and line breaks: it is left exactly as the model wrote it.</summary>
    public static bool IsPlain(Block block) =>
        block is ParagraphBlock { Inline: { } inline } && inline.All(child => child is LiteralInline or LineBreakInline { IsHard: false });

    public static string Render(Block block) => string.Join('\n', Lines(block));

    private static IEnumerable<string> Lines(Block block) => block switch
    {
        HeadingBlock heading => [$"【{Inlines(heading.Inline).Trim()}】"],
        ParagraphBlock paragraph => Inlines(paragraph.Inline).Split('\n'),
        CodeBlock code => code.Lines.ToString().Split('\n'),
        ListBlock list => ListLines(list),
        Table table => table.OfType<TableRow>().Select(row => string.Join(" | ", row.OfType<TableCell>().Select(cell => string.Join(' ', cell.SelectMany(Lines)).Trim()))),
        QuoteBlock quote => Children(quote).Select(line => "> " + line),
        ThematicBreakBlock => ["————"],
        HtmlBlock html => html.Lines.ToString().Split('\n'),
        ContainerBlock container => Children(container),
        _ => [],
    };

    /// <summary>A container's blocks, a blank line between paragraphs.</summary>
    private static IEnumerable<string> Children(ContainerBlock container)
    {
        var first = true;
        foreach (var child in container)
        {
            var lines = Lines(child).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            if (!first && child is not ListBlock)
            {
                yield return "";
            }

            first = false;
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> ListLines(ListBlock list)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "• ";
            var lines = Children(item).Where(line => line.Length > 0).ToList();
            for (var index = 0; index < lines.Count; index++)
            {
                yield return index == 0 ? marker + lines[index] : Indent + lines[index];
            }

            if (lines.Count == 0)
            {
                yield return marker.TrimEnd();
            }
        }
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        foreach (var child in container ?? Enumerable.Empty<Inline>())
        {
            Append(text, child);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlInline html:
                text.Append(html.Tag is "<br>" or "<br/>" or "<br />" ? "\n" : html.Tag);
                break;
            case LinkInline { IsImage: true } image:
                text.Append(Inlines(image));
                break;
            case LinkInline link:
                var label = Inlines(link);
                text.Append(string.IsNullOrWhiteSpace(label) || label == link.Url ? link.Url : $"{label} ({link.Url})");
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }
}
