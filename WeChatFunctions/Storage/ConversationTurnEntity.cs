using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>
/// A turn in the <c>WeChatConversations</c> table: one partition per follower, row keys in reverse time order so a
/// query returns the newest turns first and can stop as soon as the token budget is spent.
/// </summary>
internal sealed class ConversationTurnEntity : ITableEntity
{
    /// <summary>Table Storage caps a string property at 64 KiB, which is 32K UTF-16 characters.</summary>
    public const int MaxContentLength = 32_000;

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Role { get; set; } = "";

    public string Content { get; set; } = "";

    public int TokenCount { get; set; }

    /// <summary>The row key prefix for a moment: later moments sort first.</summary>
    public static string NewestFirstKey(DateTimeOffset moment) =>
        (DateTimeOffset.MaxValue.UtcTicks - moment.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static ConversationTurnEntity From(string followerId, string rowKey, ConversationTurn turn) => new()
    {
        PartitionKey = followerId,
        RowKey = rowKey,
        Role = turn.Role.ToString(),
        Content = turn.Content.Length <= MaxContentLength ? turn.Content : turn.Content[..MaxContentLength],
        TokenCount = turn.TokenCount,
    };

    public ConversationTurn ToTurn() =>
        new(Enum.TryParse<ConversationRole>(Role, out var role) ? role : ConversationRole.User, Content, TokenCount, StoredAt(RowKey));

    /// <summary>The moment a row key was made for, read back from its newest-first prefix.</summary>
    public static DateTimeOffset StoredAt(string rowKey) =>
        rowKey.Length >= 19 && long.TryParse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero)
            : default;
}
