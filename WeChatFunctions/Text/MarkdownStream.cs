using System.Text;
using Markdig;
using Markdig.Syntax;

namespace WeChatFunctions.Text;

/// <summary>
/// Turns a streaming Markdown answer into WeChat text a block at a time. A top-level block is converted once another
/// block follows it, when nothing the model writes later can change it, so the converted text only ever grows: pages
/// cut from it while streaming are the pages of the finished answer. Plain paragraphs, with the white space around
/// them, are kept byte for byte, so an answer without Markdown comes out unchanged.
/// </summary>
internal sealed class MarkdownStream(bool convert)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();



    private readonly StringBuilder _pending = new();
    private Layout _layout;
    private bool _convertedAny;

    /// <summary>Converts a whole answer at once.</summary>
    public static string ToText(string markdown)
    {
        var stream = new MarkdownStream(convert: true);
        return stream.Append(markdown) + stream.Finish();
    }

    /// <returns>The text that became final with this chunk; often empty while a block is still being written.</returns>
    public string Append(string chunk)
    {
        if (!convert)
        {
            return chunk;
        }

        _pending.Append(chunk);
        return Settle(final: false);
    }

    /// <summary>
    /// What the block still being written would read as if it ended now, when it is a plain paragraph; otherwise empty.
    /// Not final (the paragraph may yet turn into a table or a heading), so it is only shown when WeChat's last attempt
    /// has nothing better.
    /// </summary>
    public string Preview { get; private set; } = "";

    /// <returns>The text of the blocks still open when the answer ended.</returns>
    public string Finish() => convert ? Settle(final: true) : "";

    private string Settle(bool final)
    {
        var source = _pending.ToString();
        var blocks = Markdown.Parse(source, Pipeline).Where(block => block is not LinkReferenceDefinitionGroup).ToList();
        var settled = final ? blocks.Count : SettledCount(source, blocks);

        var text = new StringBuilder();
        var consumed = 0;
        foreach (var block in blocks.Take(settled))
        {
            text.Append(_layout.Next(source, consumed, block));
            _convertedAny |= !MarkdownBlocks.IsPlain(block);
            consumed = LineEnd(source, block.Span.End);
        }

        if (final && (!_convertedAny || blocks.Count == 0 || MarkdownBlocks.IsPlain(blocks[^1])))
        {
            text.Append(source, consumed, source.Length - consumed);
            consumed = source.Length;
        }

        Preview = final || settled == blocks.Count || !MarkdownBlocks.IsPlain(blocks[^1]) ? "" : PreviewOf(source, consumed, blocks.Skip(settled));
        _pending.Remove(0, consumed);
        return text.ToString();
    }

    /// <summary>The open blocks as they would read if the answer ended now; the layout state is not advanced.</summary>
    private string PreviewOf(string source, int consumed, IEnumerable<Block> open)
    {
        var layout = _layout;
        var preview = new StringBuilder();
        foreach (var block in open)
        {
            preview.Append(layout.Next(source, consumed, block));
            consumed = LineEnd(source, block.Span.End);
        }

        return preview.ToString();
    }

    /// <summary>
    /// How blocks are laid out one after another: a plain paragraph as written, with the white space before it; any
    /// other block rendered and set off from its neighbours by one blank line however many the model wrote.
    /// </summary>
    private struct Layout
    {
        private bool _wroteAny;
        private bool _lastWasConverted;

        public string Next(string source, int consumed, Block block)
        {
            var end = LineEnd(source, block.Span.End);
            var plain = MarkdownBlocks.IsPlain(block);
            var output = plain && !_lastWasConverted
                ? source[consumed..end]
                : (_wroteAny ? "\n\n" : "") + (plain ? source[block.Span.Start..end] : MarkdownBlocks.Render(block));
            _lastWasConverted = !plain;
            _wroteAny |= output.Length > 0;
            return output;
        }
    }

    /// <summary>
    /// Where the line holding a block's last character ends. A block's span can stop short of its line, as an ATX
    /// heading's does before its closing #s; the rest of the line is still the block's.
    /// </summary>
    private static int LineEnd(string source, int lastCharacter)
    {
        var from = Math.Clamp(lastCharacter, 0, source.Length);
        var newline = source.IndexOf('\n', from);
        return newline < 0 ? source.Length : newline;
    }

    /// <summary>
    /// How many leading blocks are final: each must be followed by a blank line and then a whole first line of another
    /// block. Without the blank line, later lines can still change it (a paragraph can turn into a table when its
    /// delimiter row arrives); before that next line is whole, it may yet continue it (<c>1.</c> after a list).
    /// </summary>
    private static int SettledCount(string source, List<Block> blocks)
    {
        var settled = 0;
        while (settled < blocks.Count - 1
            && IsBlankLineBetween(source, blocks[settled].Span.End + 1, blocks[settled + 1].Span.Start)
            && source.IndexOf('\n', blocks[settled + 1].Span.Start) >= 0)
        {
            settled++;
        }

        return settled;
    }

    private static bool IsBlankLineBetween(string source, int start, int end) =>
        start < end && end <= source.Length && source.AsSpan(start, end - start).Count('\n') >= 2;
}
