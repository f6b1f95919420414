namespace WeChatFunctions.Cleanup;

/// <summary>The kinds of rows the cleanup removes once they are past their use.</summary>
internal enum ExpiredData
{
    /// <summary>Message claims and their answers, a day after WeChat and the follower are done with them.</summary>
    Claims,

    /// <summary>Conversation turns past <c>history_retention_days</c>.</summary>
    Turns,

    /// <summary>The replay check's push fingerprints, once their timestamps would be refused anyway.</summary>
    Pushes,

    /// <summary>Per-follower day usage older than the week <c>get_stat</c> ranks.</summary>
    FollowerUsage,

    /// <summary>The rate limit's per-follower row of recent questions, untouched for as long.</summary>
    RecentQuestions,

    /// <summary>The statistics' per-day marks of who was active, once the day is counted.</summary>
    ActiveMarks,

    /// <summary>Pending images, and their blobs, past their ten minutes.</summary>
    PendingImages,

    /// <summary>Shared links past their ten minutes.</summary>
    SharedLinks,

    /// <summary>Audit rows past 90 days.</summary>
    Audit,

    /// <summary>Followers' reading positions, untouched for <c>history_retention_days</c>.</summary>
    FollowerState,

    /// <summary>
    /// Followers' preferences (/model, /prompt, /temperature) and remembered facts, each row once the follower has been
    /// quiet for <c>history_retention_days</c>: unchanged that long, and no conversation turn left. The admins'
    /// per-follower rules stay: they are the operator's, not the follower's.
    /// </summary>
    QuietPreferences,

    /// <summary>
    /// Not expired but moved: rows left in the tables before the follower table (turns, preferences, facts, links,
    /// pending images), including any an instance of the version before wrote during a rolling deployment. Each
    /// follower's rows are copied into their partition and then deleted.
    /// </summary>
    LegacyFollowerRows,

    /// <summary>Admin lockouts long over.</summary>
    Lockouts,

    /// <summary>The dashboard's one-time codes and sessions, a day after they expired.</summary>
    DashboardAccess,

    /// <summary>
    /// Each instance's statistics rows of a day long over, folded into one row for the day, so that <c>get_stat</c>
    /// reads a row per day rather than one per instance that ever ran.
    /// </summary>
    StatisticsWriterRows,

    /// <summary>
    /// Each finished day's top followers by tokens, masked, rolled up while the day keeps their OpenIDs, so that the
    /// dashboard ranks 30 and 90 days; and the roll-ups past those 90 days.
    /// </summary>
    SpenderRollUps,

    /// <summary>The followers' OpenIDs and tokens in the statistics of days older than the week <c>get_stat</c> ranks, once rolled up.</summary>
    StatisticsFollowers,
}

/// <summary>Where expiry falls: a moment, and the quota day it falls in, for rows keyed by day.</summary>
internal sealed record ExpiryCutoff(DateTimeOffset At, string Day);
