using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

/// <summary>
/// The periodic cleanup: message claims and their pages once WeChat and the follower are long done with them (a day),
/// and conversation turns past <c>history_retention_days</c>. Deletes are idempotent, so two runs at once are safe.
/// </summary>
internal sealed class Cleanup(IExpiredDataStore store, TimeProvider timeProvider, IOptions<CleanupOptions> options, ILogger<Cleanup> logger)
{
    /// <summary>Bounds one run to a few seconds; a backlog is worked off over the following runs.</summary>
    public const int MaxRowsPerTable = 500;

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);

    public async Task<CleanupReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claims = await store.DeleteClaimsBeforeAsync(now - ClaimLifetime - WeChatRetries.Window, MaxRowsPerTable, cancellationToken);
        var turns = await store.DeleteTurnsBeforeAsync(now - TimeSpan.FromDays(options.Value.HistoryRetentionDays), MaxRowsPerTable, cancellationToken);
        var report = new CleanupReport(claims, turns);
        ConversationLog.CleanedUp(logger, claims, turns);
        return report;
    }
}

internal sealed record CleanupReport(int ClaimsDeleted, int TurnsDeleted)
{
    public override string ToString() => $"Deleted {ClaimsDeleted} expired message claims and {TurnsDeleted} conversation turns past retention.";
}
