using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Background;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Pushing;

/// <summary>Customer-service delivery as the reply window and the generator use it.</summary>
internal sealed class PushDelivery(
    IPushJobStore jobs,
    AnswerPusher pusher,
    TypingIndicator typing,
    LiveAnswerRegistry liveAnswers,
    WeChatApiHealth health,
    BackgroundWork background,
    IOptions<CustomerServiceOptions> options,
    ILogger<PushDelivery> logger)
    : IAnswerPushes
{
    public async Task<PushRoute> RouteAsync(CancellationToken cancellationToken) =>
        !await health.AllowsPushesAsync(cancellationToken) ? PushRoute.Passive
        : options.Value.ReplyMode == CustomerServiceOptions.CustomerService ? PushRoute.EveryAnswer
        : PushRoute.TheRest;

    public async Task PlanAsync(MessageKey key, DateTimeOffset firstArrival, int offset, int page, CancellationToken cancellationToken)
    {
        await jobs.AddAsync(PushJob.From(key, firstArrival, offset, page), cancellationToken);
        // Checked after the job is stored: a generation finishing from now on finds the job, and one finished already is seen here.
        if (!liveAnswers.TryGet(key, out var live) || live.Snapshot.IsFinished)
        {
            background.Run(stopping => pusher.PushAsync(key, stopping));
        }
    }

    /// <summary>A failure here is the sweep's to retry: the generation that called it has settled its answer already.</summary>
    public async Task AnswerFinishedAsync(MessageKey key, AnswerSnapshot finished, CancellationToken cancellationToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return;
        }

        try
        {
            await pusher.PushAsync(key, cancellationToken, finished);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            PushingLog.PushLeftToSweep(logger, key.MessageId, exception);
        }
    }

    /// <summary>In auto mode, from when WeChat's first attempt ends: an answer that comes sooner needs no indicator.</summary>
    /// <remarks>Never fails: the indicator is a courtesy, and the generation awaits it.</remarks>
    public async Task ShowTypingAsync(ReplyClaim claim, CancellationToken untilFinished)
    {
        try
        {
            var route = options.Value.PushesAnswers && claim.Question is not null ? await RouteAsync(untilFinished) : PushRoute.Passive;
            if (route != PushRoute.Passive)
            {
                await typing.ShowAsync(claim.Key.FollowerId, route == PushRoute.TheRest ? claim.FirstArrival + WeChatRetries.AttemptTimeout : DateTimeOffset.UnixEpoch, untilFinished);
            }
        }
        catch (Exception exception) when (!untilFinished.IsCancellationRequested)
        {
            PushingLog.TypingFailed(logger, exception);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
