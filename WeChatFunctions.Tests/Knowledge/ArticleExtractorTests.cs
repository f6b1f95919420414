using System.Text;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>What the extraction makes of pages built to be expensive, without the web in between.</summary>
public sealed class ArticleExtractorTests
{
    private static readonly Uri Address = new("https://example.com/article");

    [Fact]
    public async Task APageNestedJustWithinTheCapIsReadWithoutSmartReader()
    {
        var tables = "<html><head><title>表格</title></head><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 120)) + "表格里的文字</body></html>";

        var article = await ExtractAsync(tables, TimeSpan.FromSeconds(20));

        Assert.Equal(new ExtractedArticle("表格", "表格里的文字"), article);
    }

    [Fact]
    public async Task APageThatTakesLongerThanItsBudgetIsRefusedAsTooComplex()
    {
        var page = KnowledgePages.SitePage("普通的文章", "一段普通的文字。");

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => ExtractAsync(page, TimeSpan.Zero));

        Assert.Equal(KnowledgeTexts.TooSlow, refused.Message);
    }

    [Fact]
    public async Task APageTooLargeForSmartReaderGivesTheTextOfItsArticleWithoutTheNavigation()
    {
        var paragraphs = Enumerable.Range(0, HtmlLimits.ReadableElements).Select(number => $"第{number}段正文。").ToArray();

        var article = await ExtractAsync(KnowledgePages.SitePage("很大的页面", paragraphs), TimeSpan.FromSeconds(20));

        Assert.StartsWith("很大的页面 - 示例咖啡", article.Title, StringComparison.Ordinal);
        Assert.StartsWith("很大的页面\n第0段正文。\n第1段正文。", article.Text, StringComparison.Ordinal);
        Assert.EndsWith($"第{HtmlLimits.ReadableElements - 1}段正文。", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ScriptMarker, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhiteSpaceIsFoldedAndEveryBlockIsALine()
    {
        var page = "<html><body><div id=\"js_content\"><section>\n  <p>  第一段\n\t有  空白 </p><p></p>\n<br><ul><li>一</li><li> 二 </li></ul>尾巴</section></div></body></html>";

        var article = await ExtractAsync(page, TimeSpan.FromSeconds(20));

        Assert.Equal("第一段 有 空白\n一\n二\n尾巴", article.Text);
    }

    private static Task<ExtractedArticle> ExtractAsync(string html, TimeSpan budget) =>
        ArticleExtractor.ExtractAsync(Address, Encoding.UTF8.GetBytes(html), budget, CancellationToken.None);
}
