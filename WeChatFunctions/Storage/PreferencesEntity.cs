using Azure;
using Azure.Data.Tables;

namespace WeChatFunctions.Storage;

/// <summary>A follower's preferences in the <c>WeChatPreferences</c> table: partition = follower, one row.</summary>
internal sealed class PreferencesEntity : ITableEntity
{
    public const string Row = "preferences";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? SystemPrompt { get; set; }

    public string? Model { get; set; }

    public double? Temperature { get; set; }
}
