using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Finds the title and main text of a page. An official-account article (mp.weixin.qq.com) keeps them in known places;
/// for any other page SmartReader, a port of Firefox's Readability, tells the article from navigation and footers.
/// </summary>
internal static class ArticleExtractor
{
    public static ExtractedArticle Extract(Uri address, Stream html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("#js_content") is { } content
            ? new ExtractedArticle(WeChatTitleOf(document), HtmlText.Of(content))
            : Readable(address, document);
    }

    /// <summary>The text of HTML that is all content already, such as an article's body from WeChat's API.</summary>
    public static string TextOf(string html) => HtmlText.Of(new HtmlParser().ParseDocument(html).Body!);

    private static string WeChatTitleOf(IHtmlDocument document) =>
        FirstNonEmpty(
            document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"),
            document.QuerySelector("#activity-name")?.TextContent,
            document.Title);

    private static ExtractedArticle Readable(Uri address, IHtmlDocument document)
    {
        var article = new Reader(address.ToString(), document) { ContinueIfNotReadable = true }.GetArticle();
        var text = string.IsNullOrWhiteSpace(article.Content) ? "" : TextOf(article.Content);
        return new ExtractedArticle(
            FirstNonEmpty(article.Title, document.Title),
            text.Length > 0 ? text : document.Body is { } body ? HtmlText.Of(body) : "");
    }

    private static string FirstNonEmpty(params string?[] candidates) =>
        candidates.Select(candidate => candidate?.Trim()).FirstOrDefault(candidate => !string.IsNullOrEmpty(candidate)) ?? "";
}
