using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Pushing;

/// <summary>
/// Resumes what a dead instance left: answers whose generation stopped, which are taken over and pushed when they
/// finish, and finished answers whose pushing stopped. In <c>customer_service</c> mode no follower message comes to
/// trigger this, so every instance sweeps in the background and the timer function sweeps too.
/// </summary>
internal sealed class PendingPushes(
    IPushJobStore jobs,
    AnswerPusher pusher,
    AnswerGenerator generator,
    ClaimSilence silence,
    IOptions<CustomerServiceOptions> options,
    ILogger<PendingPushes> logger)
{
    private const int JobsPerSweep = 100;

    /// <returns>How many jobs were looked at.</returns>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return 0;
        }

        var pending = await jobs.ListAsync(JobsPerSweep, cancellationToken);
        foreach (var job in pending)
        {
            try
            {
                var generating = await pusher.PushAsync(job.Key, cancellationToken);
                if (generating is not null && silence.IsAbandoned(generating))
                {
                    // Its generation pushes the answer when it finishes here.
                    await generator.TryTakeOverAsync(generating, cancellationToken);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One job's storage or API trouble must not hold up the others; the next sweep tries it again.
                PushingLog.PushLeftToSweep(logger, job.Key.MessageId, exception);
            }
        }

        return pending.Count;
    }
}
