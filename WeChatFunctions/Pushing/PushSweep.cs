using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Pushing;

/// <summary>Sweeps <see cref="PendingPushes"/> on every running instance, so that a dead instance's answers are pushed within seconds.</summary>
internal sealed class PushSweep(PendingPushes pending, TimeProvider timeProvider, IOptions<CustomerServiceOptions> options, ILogger<PushSweep> logger)
    : BackgroundService
{
    /// <summary>A dead owner's claim times out after 5 s and its push lease after 30 s; a sweep this often picks either up soon after.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await pending.ResumeAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                PushingLog.SweepFailed(logger, exception);
            }
        }
    }
}
