using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's usage in their partition of the follower table: one row, <c>usage</c>, with the counts of the newest
/// quota day it was charged on (<c>Day</c>), the reservations of answers in flight and the times of the latest
/// questions. A new day starts the counts again but keeps the reservations, so that an answer finishing after midnight
/// still settles its own, once. A change for a day older than the row's touches only the reservations and times: that
/// day's counts no longer limit anyone, and the spend views count tokens from the statistics.
/// </summary>
internal sealed class FollowerUsageRow(TableEntity entity, bool exists)
{
    public const string Key = "usage";

    private const string DayColumn = "Day";

    public TableEntity Entity { get; } = entity;

    public bool Exists { get; private set; } = exists;

    public static FollowerUsageRow Absent(string followerId) => new(new TableEntity(followerId, Key), exists: false);

    private string Day => Entity.GetString(DayColumn) ?? "";

    /// <summary>A copy to change, so that writers on this instance never share the entity they modify.</summary>
    public FollowerUsageRow Copy() => new(new TableEntity(Entity) { ETag = Entity.ETag }, Exists);

    /// <summary>The usage as <paramref name="day"/> sees it: its counts if it is the row's day, none if not.</summary>
    public FollowerUsage ToUsage(string day)
    {
        var usage = UsageColumns.Read(Entity, Entity);
        return day == Day ? usage : FollowerUsage.None with { RecentQuestions = usage.RecentQuestions, Reservations = usage.Reservations };
    }

    /// <returns>The write that makes <paramref name="current"/> (as <see cref="ToUsage"/> gave it) <paramref name="changed"/>, if they differ.</returns>
    public TableTransactionAction? WriteAction(string day, FollowerUsage current, FollowerUsage changed)
    {
        if (!changed.DayDiffersFrom(current) && changed.RecentQuestions.SequenceEqual(current.RecentQuestions))
        {
            return null;
        }

        if (string.CompareOrdinal(day, Day) >= 0)
        {
            Entity[DayColumn] = day;
            UsageColumns.WriteCounts(Entity, changed);
        }

        Entity[nameof(FollowerUsage.Reservations)] = UsageColumns.FormatReservations(changed.Reservations);
        Entity[nameof(FollowerUsage.RecentQuestions)] = UsageColumns.FormatTimes(changed.RecentQuestions);
        return UsageColumns.WriteOf(Entity, Exists);
    }

    /// <summary>Takes the ETag of the write that just landed.</summary>
    /// <returns>Whether it was known, so that the row can be written again without reading.</returns>
    public bool Written(Azure.Response response)
    {
        if (response.Headers.ETag is not { } etag)
        {
            return false;
        }

        Entity.ETag = etag;
        Exists = true;
        return true;
    }
}
