using WeChatFunctions.Speech;

namespace WeChatFunctions.Tests.Speech;

/// <summary>The words spoken for an answer's Markdown, and how long they take to say.</summary>
public sealed class SpeakableTextTests
{
    [Theory]
    [InlineData("你好", "你好。")]
    [InlineData("Hello there", "Hello there.")]
    [InlineData("# 标题\n正文：", "标题。\n正文：")]
    [InlineData("见 <https://example.com> 和 [https://example.com](https://example.com)", "见 和。")]
    [InlineData("![图](https://example.com/a.png)图片之后", "图片之后。")]
    [InlineData("a&amp;b <b>粗</b>", "a&b 粗。")]
    [InlineData("第一行\n第二行", "第一行。\n第二行。")]
    [InlineData("3. 三\n4. 四", "3、三。\n4、四。")]
    [InlineData("---\n\n✅ 完成 ❤️", "完成。")]
    [InlineData("明天晴【1】，周末热【2】", "明天晴，周末热。")]
    public void MarkdownBecomesSentencesToSay(string markdown, string spoken) =>
        Assert.Equal(spoken, SpeakableText.Of(markdown));

    [Theory]
    [InlineData("代码：\n\n```\nx = 1\n```")]
    [InlineData("    indented code")]
    [InlineData("| 名字 | 年龄 |\n|---|---|\n| 小明 | 8 |")]
    [InlineData("😀 https://example.com")]
    [InlineData("")]
    public void CodeTablesAndAnswersWithoutWordsAreNotSpoken(string markdown) =>
        Assert.Null(SpeakableText.Of(markdown));

    [Fact]
    public void ASpokenLengthCountsCharactersWordsAndPauses()
    {
        Assert.Equal(TimeSpan.FromSeconds(0.95), SpokenLength.Of("今天晴。"));
        Assert.Equal(TimeSpan.FromSeconds(1.0), SpokenLength.Of("Hello world."));
        Assert.True(SpokenLength.Of(new string('字', 220)) == SpokenLength.Limit);
    }
}
