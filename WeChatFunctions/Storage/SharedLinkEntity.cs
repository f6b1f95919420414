using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

/// <summary>A follower's shared link: the row <c>link</c> of their partition in the follower table, read with their preferences.</summary>
internal sealed class SharedLinkEntity : ITableEntity
{
    public const string Row = "link";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Url { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public DateTimeOffset SharedAt { get; set; }

    public static SharedLinkEntity From(string followerId, SharedLink link) =>
        new() { PartitionKey = followerId, Url = link.Url, Title = link.Title, Description = link.Description, SharedAt = link.SharedAt };

    public SharedLink ToLink() => new(Url, Title, Description, SharedAt);

    /// <summary>The link from a row a query of the whole partition returned.</summary>
    public static SharedLink Read(TableEntity row) => new(
        row.GetString(nameof(Url)) ?? "",
        row.GetString(nameof(Title)) ?? "",
        row.GetString(nameof(Description)) ?? "",
        row.GetDateTimeOffset(nameof(SharedAt)) ?? DateTimeOffset.UnixEpoch);
}
