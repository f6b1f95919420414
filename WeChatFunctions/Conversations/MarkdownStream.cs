using System.Text;
using Markdig;
using Markdig.Syntax;

namespace WeChatFunctions.Conversations;

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
    private bool _convertedAny;
    private bool _wroteAny;
    private bool _lastWasConverted;

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
            text.Append(Output(source, consumed, block, text.Length > 0));
            _lastWasConverted = !MarkdownBlocks.IsPlain(block);
            _convertedAny |= _lastWasConverted;
            consumed = Math.Min(block.Span.End + 1, source.Length);
            _wroteAny |= text.Length > 0;
        }

        if (final && (!_convertedAny || blocks.Count == 0 || MarkdownBlocks.IsPlain(blocks[^1])))
        {
            text.Append(source, consumed, source.Length - consumed);
            consumed = source.Length;
        }

        _pending.Remove(0, consumed);
        Preview = !final && blocks.Count - settled == 1 && MarkdownBlocks.IsPlain(blocks[^1])
            ? Output(source[consumed..], 0, blocks[^1], text.Length > 0, offset: consumed)
            : "";
        return text.ToString();
    }

    /// <summary>
    /// What a block becomes: a plain paragraph the text as written, with the white space before it; any other block
    /// its rendering, set off from its neighbours by one blank line however many the model wrote.
    /// </summary>
    /// <param name="offset">Where <paramref name="source"/> starts in the text the block's span counts from.</param>
    private string Output(string source, int consumed, Block block, bool wroteBefore, int offset = 0)
    {
        var end = Math.Min(block.Span.End + 1 - offset, source.Length);
        var plain = MarkdownBlocks.IsPlain(block);
        if (plain && !_lastWasConverted)
        {
            return source[consumed..end];
        }

        var content = plain ? source[(block.Span.Start - offset)..end] : MarkdownBlocks.Render(block);
        return (_wroteAny || wroteBefore ? "\n\n" : "") + content;
    }

    /// <summary>
    /// How many leading blocks are final: each must be followed by a blank line and then another block. Without the
    /// blank line, later lines can still change it (a paragraph can turn into a table when its delimiter row arrives).
    /// </summary>
    private static int SettledCount(string source, List<Block> blocks)
    {
        var settled = 0;
        while (settled < blocks.Count - 1 && IsBlankLineBetween(source, blocks[settled].Span.End + 1, blocks[settled + 1].Span.Start))
        {
            settled++;
        }

        return settled;
    }

    private static bool IsBlankLineBetween(string source, int start, int end) =>
        start < end && end <= source.Length && source.AsSpan(start, end - start).Count('\n') >= 2;
}
