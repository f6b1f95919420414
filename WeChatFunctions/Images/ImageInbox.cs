using WeChatFunctions.Claims;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Images;

/// <summary>
/// Takes in a follower's image: downloads it while WeChat waits and keeps it as their pending image, which their next
/// question within ten minutes is asked about. The first attempt does the work; a retry only repeats the reply.
/// </summary>
internal sealed class ImageInbox(MessageClaims claims, Quota quota, StatisticsRecorder statistics, ImageDownloader downloader, IPendingImageStore images)
{
    public async Task<OutboundReply> ReceiveAsync(MessageKey key, ImageMessage image, FollowerPolicy policy, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        if (!await claims.TryClaimAsync(key, arrival))
        {
            return new TextReply(FollowerTexts.ImageReceived);
        }

        // Images count toward the rate like questions, so a flood of them cannot keep the downloader and storage busy.
        var rate = await quota.TryChargeRateAsync(key.FollowerId, policy, arrival, cancellationToken);
        if (!rate.IsCharged)
        {
            statistics.Refused(arrival, rate.Refusal);
            return new TextReply(rate.RefusalText!);
        }

        var download = await downloader.DownloadAsync(image.PictureUrl, cancellationToken);
        if (download is not { Bytes: { } bytes, MediaType: { } mediaType })
        {
            return new TextReply(download.Failure ?? FollowerTexts.ImageUnavailable);
        }

        await images.SaveAsync(key.FollowerId, new PendingImage(bytes, mediaType, arrival), cancellationToken);
        return new TextReply(FollowerTexts.ImageReceived);
    }
}
