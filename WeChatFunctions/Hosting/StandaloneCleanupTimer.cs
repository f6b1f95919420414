using Microsoft.Extensions.Options;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Hosting;

/// <summary>Standalone there is no timer trigger, so the cleanup runs on this in-process timer instead.</summary>
internal sealed class StandaloneCleanupTimer(ExpiredDataCleanup cleanup, TimeProvider timeProvider, IOptions<CleanupOptions> options, ILogger<StandaloneCleanupTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.StandaloneIntervalMinutes), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cleanup.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                HostingLog.CleanupFailed(logger, exception);
            }
        }
    }
}
