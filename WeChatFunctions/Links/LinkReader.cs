using WeChatFunctions.Fetching;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Links;

/// <summary>
/// Reads the article behind a URL from outside, a shared link or one in a question, with the knowledge base's
/// <see cref="ArticleFetcher"/>: through the <see cref="FetchGuard"/> (public addresses only unless
/// <c>allow_private_network_fetch</c>), http(s) only, within the fetcher's size and time limits, and with the same
/// extraction of the main text. It never throws for the page's sake: it says why not.
/// </summary>
internal sealed class LinkReader(ArticleFetcher fetcher, ILogger<LinkReader> logger)
{
    /// <param name="timeout">How long the page may take, at most the fetcher's own <see cref="ArticleFetcher.Timeout"/>.</param>
    public async Task<LinkReading> ReadAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return Failed(LinkTexts.NotHttp);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var article = await fetcher.FetchAsync(address, deadline.Token);
            return string.IsNullOrWhiteSpace(article.Text) ? Failed(LinkTexts.NoText) : LinkReading.Of(article);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(LinkTexts.TooSlow(timeout));
        }
        catch (KnowledgeImportException exception)
        {
            // The fetcher's reasons are written for an admin importing a page; a refused address is named for a reader.
            return Failed(PrivateAddressRefusedException.IsIn(exception) ? LinkTexts.PrivateAddress : exception.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LinksLog.ReadFailed(logger, exception);
            return LinkReading.Failed(LinkTexts.Unreachable);
        }
    }

    private LinkReading Failed(string reason)
    {
        LinksLog.NotRead(logger, reason);
        return LinkReading.Failed(reason);
    }
}
