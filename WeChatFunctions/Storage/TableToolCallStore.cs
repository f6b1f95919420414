using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Paging;
using WeChatFunctions.Tools;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Storage;

/// <summary>
/// Tool calls in the <c>WeChatReplies</c> table, in the follower's partition beside the question's claim: a row
/// <c>tools-{message}-{round}-{index}</c> each. They carry the message's <c>FirstArrival</c>, so the claims' cleanup
/// and a follower's deletion remove them with the claim; having no question, they never pass for a claim.
/// </summary>
internal sealed class TableToolCallStore(TableClientProvider tables) : IToolCallStore
{
    private const string Prefix = "tools-";

    public async Task<IReadOnlyList<RecordedToolCall>> ReadAsync(ToolQuestion question, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var first = $"{Prefix}{question.MessageId}-";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {question.FollowerId} and RowKey ge {first} and RowKey lt {Prefix + question.MessageId + "."}");
        var calls = new List<RecordedToolCall>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            calls.Add(CallOf(row));
        }

        return [.. calls.OrderBy(call => call.Round).ThenBy(call => call.Index)];
    }

    public async Task<RecordedToolCall?> TryStartAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(RowOf(question, call), cancellationToken);
            return call with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // The SDK retries a request whose response was lost; a row this generation wrote that way is its own.
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(question.FollowerId, RowKeyOf(question, call), cancellationToken: cancellationToken);
            return stored.HasValue && CallOf(stored.Value!) is { Result: null } own && own.Generation == call.Generation && own.Repeats(call.Name, call.Arguments) ? own : null;
        }
    }

    public async Task FinishAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        await table.UpdateEntityAsync(RowOf(question, call), string.IsNullOrEmpty(call.Version) ? ETag.All : new ETag(call.Version), TableUpdateMode.Replace, cancellationToken);
    }

    private static string RowKeyOf(ToolQuestion question, RecordedToolCall call) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{question.MessageId}-{call.Round:D2}-{call.Index:D2}");

    private static TableEntity RowOf(ToolQuestion question, RecordedToolCall call) => new(question.FollowerId, RowKeyOf(question, call))
    {
        [nameof(ReplyClaimEntity.FirstArrival)] = question.FirstArrival,
        [nameof(RecordedToolCall.Round)] = call.Round,
        [nameof(RecordedToolCall.Index)] = call.Index,
        [nameof(RecordedToolCall.CallId)] = call.CallId,
        [nameof(RecordedToolCall.Name)] = call.Name,
        [nameof(RecordedToolCall.Arguments)] = call.Arguments,
        [nameof(RecordedToolCall.Result)] = call.Result,
        [nameof(RecordedToolCall.Footnote)] = call.Footnote,
        [nameof(RecordedToolCall.Failed)] = call.Failed,
        [nameof(RecordedToolCall.Generation)] = call.Generation,
        [nameof(ReplyClaimEntity.MediaKind)] = call.Media?.Kind.ToString(),
        [nameof(ReplyClaimEntity.MediaId)] = call.Media?.MediaId,
    };

    private static RecordedToolCall CallOf(TableEntity row) => new(
        row.GetInt32(nameof(RecordedToolCall.Round)) ?? 0,
        row.GetInt32(nameof(RecordedToolCall.Index)) ?? 0,
        row.GetString(nameof(RecordedToolCall.CallId)) ?? "",
        row.GetString(nameof(RecordedToolCall.Name)) ?? "",
        row.GetString(nameof(RecordedToolCall.Arguments)) ?? "{}",
        row.GetString(nameof(RecordedToolCall.Result)),
        row.GetString(nameof(RecordedToolCall.Footnote)),
        row.GetBoolean(nameof(RecordedToolCall.Failed)) ?? false,
        row.GetInt32(nameof(RecordedToolCall.Generation)) ?? 0,
        row.ETag.ToString())
    {
        Media = Enum.TryParse<MediaKind>(row.GetString(nameof(ReplyClaimEntity.MediaKind)), out var kind) && row.GetString(nameof(ReplyClaimEntity.MediaId)) is { Length: > 0 } mediaId
            ? new AnswerMedia(kind, mediaId)
            : null,
    };
}
