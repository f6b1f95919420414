using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

/// <summary>A follower's shared link in the <c>WeChatLinks</c> table: partition = follower, one row.</summary>
internal sealed class SharedLinkEntity : ITableEntity
{
    public const string Row = "shared";

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
}
