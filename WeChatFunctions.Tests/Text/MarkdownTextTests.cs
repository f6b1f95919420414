using WeChatFunctions.Text;

namespace WeChatFunctions.Tests.Text;

/// <summary>The model's Markdown as a WeChat follower reads it: no markers, structure kept.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("你好，这是一个普通的回答。")]
    [InlineData("第一段。\n\n\n\n第二段，前面有很多空行。\n第二段的第二行。  \n")]
    [InlineData("  开头有空格的回答\n")]
    [InlineData("Mixed 中英文 answer with 3 * 4 = 12 and a_b_c.")]
    public void PlainAnswersAreUntouchedByteForByte(string answer) => Assert.Equal(answer, MarkdownStream.ToText(answer));

    [Theory]
    [InlineData("# 标题\n正文", "【标题】\n\n正文")]
    [InlineData("## 二级标题\n\n正文", "【二级标题】\n\n正文")]
    [InlineData("这是**加粗**和*斜体*。", "这是加粗和斜体。")]
    [InlineData("Use __bold__ and _italic_ here.", "Use bold and italic here.")]
    [InlineData("- 苹果\n- 香蕉\n- 橙子", "• 苹果\n• 香蕉\n• 橙子")]
    [InlineData("1. 第一步\n2. 第二步\n3. 第三步", "1. 第一步\n2. 第二步\n3. 第三步")]
    [InlineData("- 水果\n  - 苹果\n  - 香蕉", "• 水果\n  • 苹果\n  • 香蕉")]
    [InlineData("详见[微软文档](https://learn.microsoft.com)。", "详见微软文档 (https://learn.microsoft.com)。")]
    [InlineData("<https://example.com>", "https://example.com")]
    [InlineData("运行 `dotnet test` 即可。", "运行 dotnet test 即可。")]
    [InlineData("![一只猫](https://example.com/cat.png)", "一只猫")]
    [InlineData("> 引用的话\n> 第二行", "> 引用的话\n> 第二行")]
    [InlineData("上文\n\n---\n\n下文", "上文\n\n————\n\n下文")]
    [InlineData("A &amp; B", "A & B")]
    public void EachConstructLosesItsMarkers(string markdown, string text) => Assert.Equal(text, MarkdownStream.ToText(markdown));

    [Fact]
    public void ACodeBlockIsKeptVerbatimWithoutFencesAndSetOffByBlankLines()
    {
        const string markdown = "示例：\n```csharp\nvar x = 1;\n  if (x > 0) { Console.WriteLine(\"**不是加粗**\"); }\n```\n说明。";

        Assert.Equal("示例：\n\nvar x = 1;\n  if (x > 0) { Console.WriteLine(\"**不是加粗**\"); }\n\n说明。", MarkdownStream.ToText(markdown));
    }

    [Fact]
    public void ATableBecomesOneLinePerRow()
    {
        const string markdown = "| 语言 | 特点 |\n|---|---|\n| C# | **强类型** |\n| Python | 简洁 |";

        Assert.Equal("语言 | 特点\nC# | 强类型\nPython | 简洁", MarkdownStream.ToText(markdown));
    }

    [Fact]
    public void BlankLineRunsBetweenConvertedBlocksCollapse()
    {
        Assert.Equal("【标题】\n\n• 一\n• 二", MarkdownStream.ToText("# 标题\n\n\n\n\n- 一\n\n- 二\n\n\n"));
    }

    [Theory]
    [InlineData("# 标题\n\n这是**第一段**。\n\n- 一\n- 二\n\n```\ncode line\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n结尾。")]
    [InlineData("# # \n\n\n&amp;\n\n```\n")]
    [InlineData("1. 第一项\n\n1. 第二项，空行之后仍是同一个列表")]
    public void StreamingInAnyChunksGivesTheSameTextAsConvertingAtOnce(string markdown)
    {
        var whole = MarkdownStream.ToText(markdown);

        for (var chunkSize = 1; chunkSize <= 7; chunkSize++)
        {
            var stream = new MarkdownStream(convert: true);
            var text = string.Concat(markdown.Chunk(chunkSize).Select(chunk => stream.Append(new string(chunk)))) + stream.Finish();
            Assert.Equal(whole, text);
        }
    }

    [Fact]
    public void OpenBlocksArePreviewedButNotSettledWhileTheyCanStillChange()
    {
        var stream = new MarkdownStream(convert: true);

        var settled = stream.Append("# 标题\n\n第一句。第二句还没写完");
        var preview = stream.Preview;
        var settledLater = stream.Append("\n- 列表开始了");

        Assert.Equal("", settled);
        Assert.Equal("【标题】\n\n第一句。第二句还没写完", preview);
        Assert.Equal("【标题】", settledLater);
        Assert.Equal("", stream.Preview);
    }

    [Fact]
    public void RawFormatPassesTheMarkdownThrough()
    {
        var stream = new MarkdownStream(convert: false);

        Assert.Equal("**原样**", stream.Append("**原样**") + stream.Finish());
    }
}
