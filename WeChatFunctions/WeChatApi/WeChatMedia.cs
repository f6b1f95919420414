namespace WeChatFunctions.WeChatApi;

/// <summary>
/// WeChat's temporary media: a follower's voice fetched by its <c>MediaId</c>, and the app's voices and pictures
/// uploaded for a reply. Both need an account WeChat has authorised (unverified accounts get 48001, as
/// <see cref="WeChatApiException"/> with <see cref="WeChatApiProblem.NotAuthorised"/>).
/// See https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
/// </summary>
internal sealed class WeChatMedia(HttpClient http, WeChatApiClient api)
{
    public const string UploadCall = "media/upload";

    public const string DownloadCall = "media/get";

    /// <summary>WeChat's limit for a voice, which is also more than any picture a follower sends here needs.</summary>
    public const int MaxDownloadBytes = 2 * 1024 * 1024;

    /// <returns>The media id, valid for three days.</returns>
    public async Task<string> UploadAsync(MediaUpload media, CancellationToken cancellationToken)
    {
        var answer = await api.CallAsync(
            UploadCall,
            $"type={WeChatMediaTransfer.TypeOf(media.Kind)}",
            (url, cancel) => WeChatMediaTransfer.UploadAsync(http, url, UploadCall, media, cancel),
            tellsAdmins: false,
            cancellationToken);
        return answer["media_id"]?.GetValue<string>() is { Length: > 0 } mediaId
            ? mediaId
            : throw new WeChatApiException(UploadCall, -1, "no media_id in the answer");
    }

    public async Task<DownloadedMedia> DownloadAsync(string mediaId, CancellationToken cancellationToken)
    {
        DownloadedMedia? downloaded = null;
        await api.CallAsync(
            DownloadCall,
            $"media_id={Uri.EscapeDataString(mediaId)}",
            (url, cancel) => WeChatMediaTransfer.DownloadAsync(http, url, DownloadCall, MaxDownloadBytes, file => downloaded = file, cancel),
            tellsAdmins: false,
            cancellationToken);
        return downloaded ?? throw new WeChatApiException(DownloadCall, -1, "no file in the answer");
    }

}
