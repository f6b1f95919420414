using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Images;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's pending image: the row <c>pending</c> of their partition in the follower table. A small image's bytes
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

    /// <summary>The image from a row a query of the whole partition returned; <see langword="null"/> when its bytes are in a blob.</summary>
    public static PendingImage? ReadInline(TableEntity row) =>
        row.GetBinary(nameof(Bytes)) is { } bytes ? new PendingImage(bytes, row.GetString(nameof(MediaType)) ?? "", row.GetDateTimeOffset(nameof(ReceivedAt)) ?? DateTimeOffset.UnixEpoch) : null;
}
