using System.Diagnostics;
using System.Net;
using WeChatFunctions.Fetching;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Fetches a public page for the knowledge base through the <see cref="FetchGuard"/>: http(s) only, public addresses
/// only unless <c>allow_private_network_fetch</c>, at most <see cref="MaxBytes"/> and <see cref="Timeout"/>, and a few
/// redirects, each of which the guard checks again. Reading the page's text must end within the same
/// <see cref="Timeout"/>.
/// </summary>
internal sealed class ArticleFetcher(HttpClient http)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const int MaxRedirects = 3;

    /// <summary>Looks like a browser's, since some sites serve a robot less or nothing at all.</summary>
    private const string UserAgent = "Mozilla/5.0 (compatible; WeChatFunctions knowledge import)";

    /// <exception cref="KnowledgeImportException">The page could not be had, with a reason an admin can act on.</exception>
    public async Task<ExtractedArticle> FetchAsync(Uri address, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
                {
                    throw new KnowledgeImportException("只能导入 http 或 https 链接");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.StatusCode is >= HttpStatusCode.MovedPermanently and <= HttpStatusCode.PermanentRedirect && response.Headers.Location is { } location)
                {
                    address = redirects < MaxRedirects ? new Uri(address, location) : throw new KnowledgeImportException($"跳转超过 {MaxRedirects} 次");
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new KnowledgeImportException($"网页返回 HTTP {(int)response.StatusCode}");
                }

                var body = await CappedBody.ReadAsync(response.Content, MaxBytes, timeout.Token) ?? throw new KnowledgeImportException(KnowledgeTexts.TooLarge);
                return await ArticleExtractor.ExtractAsync(address, body, Timeout - Stopwatch.GetElapsedTime(started), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KnowledgeImportException($"网页 {Timeout.TotalSeconds:0} 秒内没有下载完");
        }
        catch (HttpRequestException exception)
        {
            throw new KnowledgeImportException(PrivateAddressRefusedException.IsIn(exception) ? "不能导入内网或本机地址" : "网页无法访问", exception);
        }
    }
}
