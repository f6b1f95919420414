using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Parses a stranger's HTML within <see cref="HtmlLimits"/>: a page that looks too deep or too large is refused before
/// the parser sees it, the parser stops when the import's time is up, and the parsed page is measured again, since
/// only the parser knows for certain how many elements it made and how deep they nest.
/// </summary>
internal static class BoundedHtml
{
    /// <param name="html">The page's bytes, in whatever encoding it declares.</param>
    /// <exception cref="KnowledgeImportException">The page is beyond the limits.</exception>
    public static async Task<(IHtmlDocument Document, HtmlShape Shape)> ParseAsync(byte[] html, CancellationToken cancellationToken)
    {
        HtmlTagScan.Estimate(html).WithinLimits();
        var document = await new HtmlParser().ParseDocumentAsync(new MemoryStream(html, writable: false), cancellationToken);
        return (document, HtmlShape.Of(document, cancellationToken).WithinLimits());
    }

    /// <inheritdoc cref="ParseAsync(byte[], CancellationToken)"/>
    public static async Task<(IHtmlDocument Document, HtmlShape Shape)> ParseAsync(string html, CancellationToken cancellationToken)
    {
        HtmlTagScan.Estimate(Encoding.UTF8.GetBytes(html)).WithinLimits();
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        return (document, HtmlShape.Of(document, cancellationToken).WithinLimits());
    }
}
