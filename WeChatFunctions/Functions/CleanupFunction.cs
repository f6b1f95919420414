using Microsoft.Azure.Functions.Worker;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Pushing;

namespace WeChatFunctions.Functions;

/// <summary>
/// The <c>cleanup</c> timer function, on the NCRONTAB schedule in the <c>cleanup_schedule</c> setting (default every
/// ten minutes). Standalone, Hosting/StandaloneCleanupTimer runs the same cleanup instead.
/// </summary>
internal sealed class CleanupFunction(ExpiredDataCleanup cleanup, PendingPushes pendingPushes)
{
    public const string Name = "cleanup";

    public const string ScheduleSetting = "cleanup_schedule";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        // Answers a dead instance left unpushed come first: a follower waits for them.
        await pendingPushes.ResumeAsync(cancellationToken);
        await cleanup.RunAsync(cancellationToken);
    }
}
