using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>A follower's preferences: the row <c>preferences</c> of their partition in the follower table.</summary>
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

    public static FollowerPreferences Read(TableEntity row) => new(
        row.GetString(nameof(SystemPrompt)),
        row.GetString(nameof(Model)),
        row.GetDouble(nameof(Temperature)));
}
