using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's pending image in the <c>WeChatImages</c> table: partition = follower, one row. A small image's bytes
/// are in <see cref="Bytes"/>; a larger one's are in a blob named <see cref="BlobName"/>, the follower and a random suffix.
/// </summary>
internal sealed class PendingImageEntity : ITableEntity
{
    public const string Row = "pending";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string MediaType { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public byte[]? Bytes { get; set; }

    public string? BlobName { get; set; }
}
