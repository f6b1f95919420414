using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Pushing;

/// <summary>Sweeps <see cref="PendingPushes"/> on every running instance, so that a dead instance's answers are pushed within seconds.</summary>
internal sealed class PushSweep(
    PendingPushes pending, PushSweepInterval interval, TimeProvider timeProvider, IOptions<CustomerServiceOptions> options, ILogger<PushSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval.Interval, timeProvider);
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
