using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Finds the title and main text of a page. An official-account article (mp.weixin.qq.com) keeps them in known places;
/// for any other page SmartReader, a port of Firefox's Readability, tells the article from navigation and footers.
/// All of it ends within a time budget and the <see cref="HtmlLimits"/>.
/// </summary>
internal static class ArticleExtractor
{
    /// <param name="budget">How long the work may take; past it, the page is refused as too complex.</param>
    /// <exception cref="KnowledgeImportException">The page is beyond the limits, or its text could not be had in time.</exception>
    public static Task<ExtractedArticle> ExtractAsync(Uri address, byte[] html, TimeSpan budget, CancellationToken cancellationToken) =>
        WithinAsync(budget, async deadline =>
        {
            var started = Stopwatch.GetTimestamp();
            var (document, shape) = await BoundedHtml.ParseAsync(html, deadline);
            var readable = shape.IsReadable && budget - Stopwatch.GetElapsedTime(started) >= HtmlLimits.ReadingReserve;
            return document.QuerySelector("#js_content") is { } content
                ? new ExtractedArticle(WeChatTitleOf(document), HtmlText.Of(content, deadline))
                : await ReadableAsync(address, document, readable, deadline);
        }, cancellationToken);

    /// <summary>The text of HTML that is all content already, such as an article's body from WeChat's API.</summary>
    /// <inheritdoc cref="ExtractAsync"/>
    public static Task<string> TextOfAsync(string html, TimeSpan budget, CancellationToken cancellationToken) =>
        WithinAsync(budget, deadline => BodyTextAsync(html, deadline), cancellationToken);

    private static async Task<T> WithinAsync<T>(TimeSpan budget, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget > TimeSpan.Zero)
        {
            deadline.CancelAfter(budget);
        }
        else
        {
            await deadline.CancelAsync();
        }

        try
        {
            return await work(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KnowledgeImportException(KnowledgeTexts.TooSlow);
        }
    }

    private static async Task<string> BodyTextAsync(string html, CancellationToken deadline) =>
        (await BoundedHtml.ParseAsync(html, deadline)).Document.Body is { } body ? HtmlText.Of(body, deadline) : "";

    private static string WeChatTitleOf(IHtmlDocument document) =>
        FirstNonEmpty(
            document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"),
            document.QuerySelector("#activity-name")?.TextContent,
            document.Title);

    /// <summary>SmartReader's reading of a page small enough for it, else the text of the page's article, main part or body.</summary>
    /// <param name="readable">Whether the page is small enough, and time enough is left, for SmartReader, which cannot be stopped.</param>
    private static async Task<ExtractedArticle> ReadableAsync(Uri address, IHtmlDocument document, bool readable, CancellationToken deadline)
    {
        if (!readable)
        {
            var main = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
            return new ExtractedArticle(document.Title?.Trim() ?? "", main is null ? "" : HtmlText.Of(main, deadline));
        }

        var article = new Reader(address.ToString(), document) { ContinueIfNotReadable = true }.GetArticle();
        var text = string.IsNullOrWhiteSpace(article.Content) ? "" : await BodyTextAsync(article.Content, deadline);
        return new ExtractedArticle(
            FirstNonEmpty(article.Title, document.Title),
            text.Length > 0 ? text : document.Body is { } body ? HtmlText.Of(body, deadline) : "");
    }

    private static string FirstNonEmpty(params string?[] candidates) =>
        candidates.Select(candidate => candidate?.Trim()).FirstOrDefault(candidate => !string.IsNullOrEmpty(candidate)) ?? "";
}
