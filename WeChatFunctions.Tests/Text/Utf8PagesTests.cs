using System.Text;
using WeChatFunctions.Text;

namespace WeChatFunctions.Tests.Text;

public sealed class ReplyPagesTests
{
    [Fact]
    public void ShortTextIsOnePageUnchanged() => Assert.Equal(["你好，世界"], Utf8Pages.Split("你好，世界"));

    [Theory]
    [InlineData("这是一句中文。", 2048)]
    [InlineData("Mixed 中英文 text with emoji 😀 and more. ", 2048)]
    [InlineData("😀", 100)]
    [InlineData("没有任何标点的长文本", 64)]
    public void PagesFitTheLimitAndJoinBackToTheText(string unit, int maxBytes)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 5000 / unit.Length));

        var pages = Utf8Pages.Split(text, maxBytes);

        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, maxBytes));
        Assert.All(pages, page => Assert.False(char.IsHighSurrogate(page[^1]), "a page ends inside a surrogate pair"));
        Assert.Equal(text, string.Concat(pages));
    }

    [Fact]
    public void PagesBreakAfterAParagraphWhenOneIsInReach()
    {
        var first = string.Concat(Enumerable.Repeat("第一段。", 100));
        var text = first + "\n\n" + string.Concat(Enumerable.Repeat("第二段。", 200));

        var pages = Utf8Pages.Split(text);

        Assert.Equal(first + "\n\n", pages[0]);
    }

    [Fact]
    public void TheFirstPageWithANoticeStillFits()
    {
        var page = Utf8Pages.FirstPage(string.Concat(Enumerable.Repeat("很长的回答。", 1000)), "（已截断）");

        Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, 2048);
        Assert.EndsWith("。（已截断）", page, StringComparison.Ordinal);
    }
}
