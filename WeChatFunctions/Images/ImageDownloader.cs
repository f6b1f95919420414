using Microsoft.Extensions.Options;
using WeChatFunctions.Fetching;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Images;

/// <summary>
/// Fetches the image behind a PicUrl while WeChat waits: http(s) only, from the hosts of <c>image_url_hosts</c>, through
/// the <see cref="FetchGuard"/>, at most 10 MB and 3 s, so the reply still leaves inside the 5-second window. The type is read from the bytes, since the model takes only JPEG, PNG, GIF and WebP.
/// </summary>
internal sealed class ImageDownloader(HttpClient http, IOptions<FetchOptions> options, ILogger<ImageDownloader> logger)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<ImageDownload> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            ImagesLog.ImageNotDownloaded(logger, "the PicUrl is not an http(s) URL");
            return ImageDownload.Failed(FollowerTexts.ImageUnavailable);
        }

        if (!HostPatterns.Allow(options.Value.ImageUrlHostSet, uri.Host))
        {
            ImagesLog.ImageNotDownloaded(logger, "the PicUrl's host is not in image_url_hosts");
            return ImageDownload.Failed(FollowerTexts.ImageUnavailable);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                ImagesLog.ImageNotDownloaded(logger, $"HTTP {(int)response.StatusCode}");
                return ImageDownload.Failed(FollowerTexts.ImageUnavailable);
            }

            var bytes = await CappedBody.ReadAsync(response.Content, MaxBytes, timeout.Token);
            if (bytes is null)
            {
                ImagesLog.ImageNotDownloaded(logger, $"larger than {MaxBytes} bytes");
                return ImageDownload.Failed(FollowerTexts.ImageTooLarge);
            }

            return ImageMediaType.Of(bytes) is { } mediaType ? ImageDownload.Of(bytes, mediaType) : ImageDownload.Failed(FollowerTexts.ImageFormatUnsupported);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ImagesLog.ImageNotDownloaded(logger, $"not done within {Timeout.TotalSeconds} s");
            return ImageDownload.Failed(FollowerTexts.ImageTooSlow);
        }
        catch (HttpRequestException exception)
        {
            ImagesLog.ImageNotDownloaded(logger, exception.Message);
            return ImageDownload.Failed(FollowerTexts.ImageUnavailable);
        }
    }
}
