using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WeChatFunctions.Text;

namespace WeChatFunctions.Tests.Text;

/// <summary>For any Markdown a model might write, the conversion holds up and its pages fit WeChat.</summary>
public sealed class MarkdownPropertyTests
{
    [Property(Arbitrary = [typeof(MarkdownAnswers)], MaxTest = 300)]
    public bool ConversionNeverThrowsAndItsPagesFitAndJoinToIt(string markdown)
    {
        var text = MarkdownStream.ToText(markdown);
        var pages = Utf8Pages.Split(text);

        return pages.All(page => Encoding.UTF8.GetByteCount(page) <= Utf8Pages.WeChatTextLimitBytes) && string.Concat(pages) == text;
    }

    [Property(Arbitrary = [typeof(MarkdownAnswers)], MaxTest = 1000)]
    public bool StreamingInChunksGivesTheSameTextAsConvertingAtOnce(string markdown, PositiveInt chunkSize)
    {
        var stream = new MarkdownStream(convert: true);
        var streamed = string.Concat(markdown.Chunk(chunkSize.Get % 40 + 1).Select(chunk => stream.Append(new string(chunk)))) + stream.Finish();

        return streamed == MarkdownStream.ToText(markdown);
    }

    /// <summary>Answers stitched from the pieces of Markdown models use, Chinese and mixed, some long enough to page.</summary>
    public static class MarkdownAnswers
    {
        private static readonly string[] Fragments =
        [
            "# ", "## ", "**", "*", "_", "`", "```\n", "```python\n", "- ", "* ", "1. ", "2) ", "> ", "  ", "    ", "\n", "\n\n", "\n\n\n",
            "| 列一 | 列二 |\n|---|---|\n| 值 | **粗** |\n", "[链接](https://example.com)", "![图片说明](https://example.com/a.png)",
            "<https://example.com>", "&amp;", "---\n", "\\*", "]]>", "<b>", "😀", "中文句子。", "English sentence. ", "混合 text，带标点！",
            "def f(x):\n    return x * 2\n", new string('长', 700), string.Concat(Enumerable.Repeat("很长的一句话没有换行", 30)),
        ];

        public static Arbitrary<string> Markdown() =>
            Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();
    }
}
