using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's reading position, in the follower's partition of the <c>WeChatReplies</c> table beside the answers it
/// points into. Pending answers are written <c>messageId:offset:page</c>, separated by <c>;</c>.
/// </summary>
internal sealed class ReadingPositionEntity : ITableEntity
{
    /// <summary>Message row keys start with a letter, so this never names a message.</summary>
    public const string Row = "~position";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? LastMessageId { get; set; }

    public string Before { get; set; } = "";

    public string After { get; set; } = "";

    public static ReadingPositionEntity From(string followerId, ReadingPosition position) => new()
    {
        PartitionKey = followerId,
        ETag = position.Version is null ? default : new ETag(position.Version),
        LastMessageId = position.LastMessageId,
        Before = Write(position.Before),
        After = Write(position.After),
    };

    /// <summary>The position read by a query that also returns the partition's claims.</summary>
    public static ReadingPositionEntity From(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        ETag = row.ETag,
        LastMessageId = row.GetString(nameof(LastMessageId)),
        Before = row.GetString(nameof(Before)) ?? "",
        After = row.GetString(nameof(After)) ?? "",
    };

    public ReadingPosition ToPosition() => new(LastMessageId, Read(Before), Read(After), ETag.ToString());

    private static string Write(IEnumerable<PendingAnswer> pending) =>
        string.Join(';', pending.Select(answer => string.Create(CultureInfo.InvariantCulture, $"{answer.MessageId}:{answer.Offset}:{answer.Page}")));

    private static PendingAnswer[] Read(string pending) =>
    [
        .. pending.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(answer => answer.Split(':'))
            .Where(parts => parts.Length is 2 or 3 && parts.Skip(1).All(number => int.TryParse(number, CultureInfo.InvariantCulture, out _)))
            .Select(parts => new PendingAnswer(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1)),
    ];
}
