using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>
/// A turn in the follower table (<see cref="FollowerTable"/>): row keys <c>~turn-</c> and the moment in reverse time
/// order, so they sort after every other row of the follower and a query returns the newest turns first and can stop as
/// soon as the token budget is spent.
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

    /// <summary>Every turn's row key starts with this; <see cref="KeysEnd"/> sorts right after the last.</summary>
    public const string KeyPrefix = "~turn-";

    public const string KeysEnd = "~turn.";

    /// <summary>The row key prefix for a moment: later moments sort first.</summary>
    public static string NewestFirstKey(DateTimeOffset moment) =>
        KeyPrefix + (DateTimeOffset.MaxValue.UtcTicks - moment.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static ConversationTurnEntity From(string followerId, string rowKey, ConversationTurn turn) => new()
    {
        PartitionKey = followerId,
        RowKey = rowKey,
        Role = turn.Role.ToString(),
        Content = turn.Content.Length <= MaxContentLength ? turn.Content : turn.Content[..MaxContentLength],
        TokenCount = turn.TokenCount,
    };

    /// <summary>An exchange's two rows, stored at <paramref name="moment"/>: the answer sorts before (is newer than) its question.</summary>
    public static ConversationTurnEntity[] ExchangeAt(string followerId, DateTimeOffset moment, RememberedExchange exchange) =>
        [From(followerId, $"{NewestFirstKey(moment)}-1", exchange.Question), From(followerId, $"{NewestFirstKey(moment)}-0", exchange.Answer)];

    /// <summary>The turn from a row a query of the whole partition returned.</summary>
    public static ConversationTurn Read(TableEntity row) => new ConversationTurnEntity
    {
        RowKey = row.RowKey,
        Role = row.GetString(nameof(Role)) ?? "",
        Content = row.GetString(nameof(Content)) ?? "",
        TokenCount = row.GetInt32(nameof(TokenCount)) ?? 0,
    }.ToTurn();

    public ConversationTurn ToTurn() =>
        new(Enum.TryParse<ConversationRole>(Role, out var role) ? role : ConversationRole.User, Content, TokenCount, StoredAt(RowKey));

    /// <summary>The moment a row key was made for, read back from its newest-first prefix.</summary>
    public static DateTimeOffset StoredAt(string rowKey)
    {
        var digits = rowKey.StartsWith(KeyPrefix, StringComparison.Ordinal) ? rowKey.AsSpan(KeyPrefix.Length) : rowKey.AsSpan();
        return digits.Length >= 19 && long.TryParse(digits[..19], NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero)
            : default;
    }
}
