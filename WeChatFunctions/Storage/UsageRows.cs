using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>A follower's two usage rows as read or last written, with what it takes to write a change to them.</summary>
internal sealed record UsageRows(TableEntity Day, bool DayExists, TableEntity Recent, bool RecentExists)
{
    public bool DayExists { get; private set; } = DayExists;

    public bool RecentExists { get; private set; } = RecentExists;

    /// <summary>A copy to change, so that writers on this instance never share the entities they modify.</summary>
    public UsageRows Copy() => new(CopyOf(Day), DayExists, CopyOf(Recent), RecentExists);

    /// <summary>Takes the new ETags of the rows just written.</summary>
    /// <returns>Whether every row's new ETag is known, so that the rows can be written again without reading.</returns>
    public bool Written(List<TableTransactionAction> writes, IReadOnlyList<Response> responses)
    {
        for (var index = 0; index < writes.Count; index++)
        {
            if (responses[index].Headers.ETag is not { } etag)
            {
                return false;
            }

            writes[index].Entity.ETag = etag;
            DayExists |= ReferenceEquals(writes[index].Entity, Day);
            RecentExists |= ReferenceEquals(writes[index].Entity, Recent);
        }

        return true;
    }

    private static TableEntity CopyOf(TableEntity row) => new(row) { ETag = row.ETag };

    public FollowerUsage ToUsage() => UsageColumns.Read(Day, Recent);

    /// <summary>Writes only the rows that change; an unchanged row is not part of the transaction.</summary>
    public List<TableTransactionAction> WriteActions(FollowerUsage current, FollowerUsage changed)
    {
        var actions = new List<TableTransactionAction>(2);
        if (changed.DayDiffersFrom(current))
        {
            UsageColumns.WriteCounts(Day, changed);
            Day[nameof(FollowerUsage.Reservations)] = UsageColumns.FormatReservations(changed.Reservations);
            actions.Add(UsageColumns.WriteOf(Day, DayExists));
        }

        if (!changed.RecentQuestions.SequenceEqual(current.RecentQuestions))
        {
            Recent[nameof(FollowerUsage.RecentQuestions)] = UsageColumns.FormatTimes(changed.RecentQuestions);
            actions.Add(UsageColumns.WriteOf(Recent, RecentExists));
        }

        return actions;
    }

}
