using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

/// <summary>
/// The periodic cleanup: message claims and their pages once WeChat and the follower are long done with them (a day),
/// conversation turns past <c>history_retention_days</c>, and the replay check's push fingerprints once their
/// timestamps would be refused anyway. Deletes are idempotent, so two runs at once are safe.
/// </summary>
internal sealed class Cleanup(
    IExpiredDataStore store, TimeProvider timeProvider, IOptions<CleanupOptions> options, IOptions<WeChatOptions> weChatOptions, ILogger<Cleanup> logger)
{
    /// <summary>Bounds one run to a few seconds; a backlog is worked off over the following runs.</summary>
    public const int MaxRowsPerTable = 500;

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);

    public async Task<CleanupReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claims = await store.DeleteClaimsBeforeAsync(now - ClaimLifetime - WeChatRetries.Window, MaxRowsPerTable, cancellationToken);
        var turns = await store.DeleteTurnsBeforeAsync(now - TimeSpan.FromDays(options.Value.HistoryRetentionDays), MaxRowsPerTable, cancellationToken);
        // A push's timestamp is at most the skew from its first arrival, and a replay at most the skew from the timestamp.
        var pushes = await store.DeletePushesBeforeAsync(now - 2 * TimeSpan.FromSeconds(weChatOptions.Value.MaxClockSkewSeconds) - WeChatRetries.Window, MaxRowsPerTable, cancellationToken);
        var report = new CleanupReport(claims, turns, pushes);
        ConversationLog.CleanedUp(logger, claims, turns, pushes);
        return report;
    }
}

internal sealed record CleanupReport(int ClaimsDeleted, int TurnsDeleted, int PushesDeleted)
{
    public override string ToString() =>
        $"Deleted {ClaimsDeleted} expired message claims, {TurnsDeleted} conversation turns past retention and {PushesDeleted} push fingerprints.";
}
