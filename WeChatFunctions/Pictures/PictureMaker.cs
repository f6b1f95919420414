using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Limits;
using WeChatFunctions.Moderation;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Pictures;

/// <summary>
/// Makes one picture for a follower, for <c>/画</c> and the <c>draw</c> tool alike: the picture is charged to the
/// follower's <c>image_daily_limit</c> (the limits come first, so a flood costs no moderation or image calls), the
/// prompt is moderated, the image model draws it and WeChat takes it as temporary media. Whatever stops it after the
/// charge, the time allowed included, refunds the charge: only pictures produced count.
/// </summary>
internal sealed class PictureMaker(
    PictureQuota quota,
    IAdminStore admins,
    ContentModeration moderation,
    PictureModel model,
    WeChatMedia media,
    StatisticsRecorder statistics,
    IOptions<ModelOptions> modelOptions,
    ILogger<PictureMaker> logger)
{
    /// <summary>Beyond the image model's own time (<c>chat_gpt_timeout_seconds</c>), the upload of a few megabytes to WeChat.</summary>
    private static readonly TimeSpan UploadAllowance = TimeSpan.FromSeconds(20);

    /// <summary>The longest a picture may take, from the charge to the upload.</summary>
    public TimeSpan Patience => TimeSpan.FromSeconds(modelOptions.Value.TimeoutSeconds) + UploadAllowance;

    public async Task<PictureResult> MakeAsync(PictureRequest request, CancellationToken cancellationToken)
    {
        QuotaDecision decision;
        try
        {
            var policy = request.Policy ?? await admins.GetPolicyAsync(request.FollowerId, cancellationToken);
            decision = await quota.TryChargeAsync(request.FollowerId, policy, request.AskedAt, request.MessageId, request.CountsTowardRate, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            PicturesLog.StorageFailed(logger, request.MessageId, exception);
            return PictureResult.None(PictureTexts.Unavailable);
        }

        if (!decision.IsCharged)
        {
            statistics.Refused(request.AskedAt, decision.Refusal);
            return PictureResult.None(decision.RefusalText!);
        }

        PictureResult result;
        try
        {
            result = await ModeratedAsync(request, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time, or the instance stops: no picture, and whoever finishes the request says so.
            statistics.PictureDrawn(request.AskedAt, failed: true);
            await RefundAsync(request);
            throw;
        }

        if (result.Media is null)
        {
            await RefundAsync(request);
        }

        return result;
    }

    /// <summary>
    /// Gives up a picture another instance began and never finished, as an instance that takes its request over
    /// finds it: counted as failed, and refunded, as the follower gets none.
    /// </summary>
    public Task AbandonAsync(PictureRequest request)
    {
        statistics.PictureDrawn(request.AskedAt, failed: true);
        return RefundAsync(request);
    }

    /// <summary>Takes back the picture charged for the request, if it was; a failure is logged, never shown.</summary>
    private async Task RefundAsync(PictureRequest request)
    {
        try
        {
            await quota.RefundAsync(request.FollowerId, request.AskedAt, request.MessageId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            PicturesLog.RefundFailed(logger, request.MessageId, exception);
        }
    }

    private async Task<PictureResult> ModeratedAsync(PictureRequest request, CancellationToken cancellationToken)
    {
        switch (await moderation.CheckAsync(request.Prompt, cancellationToken))
        {
            case ModerationVerdict.Blocked:
                statistics.QuestionBlocked(request.AskedAt);
                return PictureResult.None(PictureTexts.PromptBlocked);
            case ModerationVerdict.Unavailable:
                return PictureResult.None(PictureTexts.ModerationUnavailable);
        }

        var result = await DrawAndUploadAsync(request.Prompt, cancellationToken);
        statistics.PictureDrawn(request.AskedAt, failed: result.Media is null);
        return result;
    }

    private async Task<PictureResult> DrawAndUploadAsync(string prompt, CancellationToken cancellationToken)
    {
        var (picture, failure) = await model.DrawAsync(prompt, cancellationToken);
        if (picture is null)
        {
            return PictureResult.None(failure!);
        }

        try
        {
            var (fileName, contentType) = IsJpeg(picture) ? ("picture.jpg", "image/jpeg") : ("picture.png", "image/png");
            var mediaId = await media.UploadAsync(new MediaUpload(MediaKind.Image, picture, fileName, contentType), cancellationToken);
            return PictureResult.Drawn(new AnswerMedia(MediaKind.Image, mediaId));
        }
        catch (WeChatApiException refused) when (!cancellationToken.IsCancellationRequested)
        {
            PicturesLog.UploadRefused(logger, refused.Problem.ToString(), refused.ErrorCode, refused);
            return PictureResult.None(refused.Problem == WeChatApiProblem.NotAuthorised ? PictureTexts.CannotSendPictures : PictureTexts.UploadFailed);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            PicturesLog.UploadRefused(logger, WeChatApiProblem.Unavailable.ToString(), -1, exception);
            return PictureResult.None(PictureTexts.UploadFailed);
        }
    }

    private static bool IsJpeg(byte[] picture) => picture is [0xFF, 0xD8, ..];
}
