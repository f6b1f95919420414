using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

/// <summary>A claim in the <c>WeChatReplies</c> table: one partition per follower, one row per message.</summary>
internal sealed class ReplyClaimEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Question { get; set; }

    public string Status { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Preview { get; set; }

    public DateTimeOffset FirstArrival { get; set; }

    public DateTimeOffset ProgressAt { get; set; }

    public int Generation { get; set; }

    public string? Owner { get; set; }

    /// <summary>How the question was asked; absent for a typed one.</summary>
    public string? Form { get; set; }

    public string? MediaKind { get; set; }

    public string? MediaId { get; set; }

    /// <summary>How late, in milliseconds, the instance that wrote the row was running (<see cref="InstanceLag"/>).</summary>
    public int? LagMilliseconds { get; set; }

    /// <param name="writerLag">How late the writing instance is running now.</param>
    public static ReplyClaimEntity From(ReplyClaim claim, TimeSpan writerLag) => new()
    {
        PartitionKey = claim.Key.FollowerId,
        RowKey = claim.Key.MessageId,
        ETag = string.IsNullOrEmpty(claim.Version) ? default : new ETag(claim.Version),
        Question = claim.Question,
        Status = claim.Answer.Status.ToString(),
        Text = claim.Answer.Text,
        Preview = claim.Answer.Preview,
        FirstArrival = claim.FirstArrival,
        ProgressAt = claim.ProgressAt,
        Generation = claim.Generation,
        Owner = claim.Owner,
        Form = claim.Form == QuestionForm.Typed ? null : claim.Form.ToString(),
        MediaKind = claim.Answer.Media?.Kind.ToString(),
        MediaId = claim.Answer.Media?.MediaId,
        LagMilliseconds = (int)Math.Min(writerLag.TotalMilliseconds, int.MaxValue),
    };

    /// <summary>A claim or a mark read by a query that also returns other rows of the partition.</summary>
    public static ReplyClaimEntity From(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        ETag = row.ETag,
        Question = row.GetString(nameof(Question)),
        Status = row.GetString(nameof(Status)) ?? "",
        Text = row.GetString(nameof(Text)) ?? "",
        Preview = row.GetString(nameof(Preview)),
        FirstArrival = row.GetDateTimeOffset(nameof(FirstArrival)) ?? default,
        ProgressAt = row.GetDateTimeOffset(nameof(ProgressAt)) ?? default,
        Generation = row.GetInt32(nameof(Generation)) ?? 0,
        Owner = row.GetString(nameof(Owner)),
        Form = row.GetString(nameof(Form)),
        MediaKind = row.GetString(nameof(MediaKind)),
        MediaId = row.GetString(nameof(MediaId)),
        LagMilliseconds = row.GetInt32(nameof(LagMilliseconds)),
    };

    /// <param name="readAt">When the row was read, by the storage service's clock, if known.</param>
    public ReplyClaim ToClaim(DateTimeOffset? readAt = null) => new(
        new MessageKey(PartitionKey, RowKey),
        Question,
        new AnswerSnapshot(Text, Enum.TryParse<AnswerStatus>(Status, out var status) ? status : AnswerStatus.Generating, Preview ?? "", ToMedia()),
        FirstArrival,
        ProgressAt,
        Generation,
        Owner ?? "",
        ETag.ToString(),
        Enum.TryParse<QuestionForm>(Form, out var form) ? form : QuestionForm.Typed,
        SavedAt: Timestamp,
        ReadAt: readAt,
        OwnerLag: TimeSpan.FromMilliseconds(LagMilliseconds ?? 0));

    private AnswerMedia? ToMedia() =>
        Enum.TryParse<WeChat.MediaKind>(MediaKind, out var kind) && !string.IsNullOrEmpty(MediaId) ? new AnswerMedia(kind, MediaId) : null;
}
