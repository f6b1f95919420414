using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Background;
using WeChatFunctions.Claims;
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
    IOptions<CustomerServiceOptions> options)
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

    public Task AnswerFinishedAsync(MessageKey key, CancellationToken cancellationToken) =>
        options.Value.PushesAnswers ? pusher.PushAsync(key, cancellationToken) : Task.CompletedTask;

    /// <summary>In auto mode, from when WeChat's first attempt ends: an answer that comes sooner needs no indicator.</summary>
    public async Task ShowTypingAsync(ReplyClaim claim, CancellationToken untilFinished)
    {
        var route = options.Value.PushesAnswers && claim.Question is not null ? await RouteAsync(untilFinished) : PushRoute.Passive;
        if (route != PushRoute.Passive)
        {
            await typing.ShowAsync(claim.Key.FollowerId, route == PushRoute.TheRest ? claim.FirstArrival + WeChatRetries.AttemptTimeout : DateTimeOffset.UnixEpoch, untilFinished);
        }
    }
}
