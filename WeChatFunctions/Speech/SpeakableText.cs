using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WeChatFunctions.Speech;

/// <summary>
/// The words to speak for an answer the model wrote in Markdown: each heading, paragraph line and list item a sentence
/// (numbered items keep their number), emphasis and inline code as their words, a link as its text; web addresses,
/// citations such as 【1】, pictures, HTML, rules and emoji are left out. A code block or a table cannot be listened
/// to, and the follower would lose it with the text the voice replaces, so an answer holding one is not spoken at all.
/// </summary>
internal static partial class SpeakableText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <returns>The words, one sentence a line; or <see langword="null"/> when the answer is not to be spoken.</returns>
    public static string? Of(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (document.Descendants().Any(block => block is CodeBlock or Table))
        {
            return null;
        }

        var sentences = new List<string>();
        Collect(document, sentences);
        return sentences.Count == 0 ? null : string.Join('\n', sentences);
    }

    private static void Collect(ContainerBlock container, List<string> sentences)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case LeafBlock { Inline: { } inline } and (HeadingBlock or ParagraphBlock):
                    Add(sentences, Words(inline));
                    break;
                case ListBlock { IsOrdered: true } list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ContainerBlock>())
                    {
                        var said = sentences.Count;
                        Collect(item, sentences);
                        if (sentences.Count > said)
                        {
                            sentences[said] = string.Create(CultureInfo.InvariantCulture, $"{number}、{sentences[said]}");
                        }

                        number++;
                    }

                    break;
                case ContainerBlock inner:
                    Collect(inner, sentences); // bullet lists, their items, quotes
                    break;
            }
        }
    }

    private static string Words(ContainerInline container)
    {
        var words = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    words.Append(Unspoken().Replace(literal.Content.ToString(), ""));
                    break;
                case CodeInline code:
                    words.Append(code.Content);
                    break;
                case LineBreakInline:
                    words.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    words.Append(entity.Transcoded.ToString());
                    break;
                case LinkInline { IsImage: false } link when Words(link) is var label && label != link.Url:
                    words.Append(label);
                    break;
                case ContainerInline and not LinkInline:
                    words.Append(Words((ContainerInline)inline)); // emphasis
                    break;
            }
        }

        return words.ToString();
    }

    /// <summary>Adds each line of <paramref name="text"/> that has words, ending it as a sentence so that the voice pauses.</summary>
    private static void Add(List<string> sentences, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var words = Spaces().Replace(WithoutSymbols(line), " ").Trim();
            if (words.Any(char.IsLetterOrDigit))
            {
                sentences.Add(SentenceEnd().IsMatch(words) ? words : words + (words.Any(IsHan) ? "。" : "."));
            }
        }
    }

    /// <summary>Emoji and other pictographs, with the joiners and variation selectors that build them, which voices read out by name.</summary>
    private static string WithoutSymbols(string line)
    {
        var kept = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.OtherSymbol or UnicodeCategory.Format) && rune.Value is not (0xFE0E or 0xFE0F))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }

    private static bool IsHan(char character) => character is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Web addresses, and the 【1】 by which an answer cites its web search results.</summary>
    [GeneratedRegex(@"(https?://|www\.)[^\s\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20)\]]+|【\d+】", RegexOptions.IgnoreCase)]
    private static partial Regex Unspoken();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[。！？!?.…；;：:，,、]$")]
    private static partial Regex SentenceEnd();
}
