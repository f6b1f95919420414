using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>A follower's usage on one day in the <c>WeChatUsage</c> table: partition = follower, row = <c>yyyyMMdd</c>.</summary>
internal sealed class UsageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Questions { get; set; }
}
