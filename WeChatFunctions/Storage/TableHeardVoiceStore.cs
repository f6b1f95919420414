using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Claims;
using WeChatFunctions.Speech;

namespace WeChatFunctions.Storage;

/// <summary>
/// Voices being heard in the <c>WeChatReplies</c> table, in the follower's partition beside the message's claim: a row
/// <c>heard-{message}</c> each, and a row <c>heard-hint</c> while the follower was shown the hint about WeChat's own
/// recognition within the last day. They carry a <c>FirstArrival</c>, so the claims' cleanup removes them after a day
/// and a follower's deletion with their claims; having no question, they never pass for a claim.
/// </summary>
internal sealed class TableHeardVoiceStore(TableClientProvider tables) : IHeardVoiceStore
{
    private const string Prefix = "heard-";

    private const string HintRow = Prefix + "hint";

    public async Task<HeardVoice?> TryStartAsync(HeardVoice voice, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var tries = new CallTries();
        try
        {
            using (tries.Watch())
            {
                var response = await table.AddEntityAsync(RowOf(voice), cancellationToken);
                return voice with { Version = response.Headers.ETag?.ToString() ?? "" };
            }
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // The SDK retries a request whose response was lost; the retry then meets the row the first try wrote.
            return tries.WereRetried && await FindAsync(voice.Key, cancellationToken) is { } stored && stored.Owner == voice.Owner ? stored : null;
        }
    }

    public async Task<HeardVoice?> FindAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(key.FollowerId, Prefix + key.MessageId, cancellationToken: cancellationToken);
        return found.HasValue ? VoiceOf(key, found.Value!) : null;
    }

    public async Task<HeardVoice?> TryReplaceAsync(HeardVoice voice, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var tries = new CallTries();
        try
        {
            using (tries.Watch())
            {
                var response = await table.UpdateEntityAsync(RowOf(voice), new ETag(voice.Version), TableUpdateMode.Replace, cancellationToken);
                return voice with { Version = response.Headers.ETag?.ToString() ?? "" };
            }
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            // As for an insert: a retried replace that meets its own write finds the row as this write left it.
            return changed.Status == 412 && tries.WereRetried && await FindAsync(voice.Key, cancellationToken) is { } stored && stored.Owner == voice.Owner && stored.Outcome == voice.Outcome
                ? stored
                : null;
        }
    }

    public async Task<bool> TryMarkHintAsync(string followerId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await TableRows.TryAddAsync(
            await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken),
            new TableEntity(followerId, HintRow) { [nameof(HeardVoice.FirstArrival)] = at },
            cancellationToken);

    private static TableEntity RowOf(HeardVoice voice) => new(voice.Key.FollowerId, Prefix + voice.Key.MessageId)
    {
        [nameof(HeardVoice.Outcome)] = voice.Outcome.ToString(),
        [nameof(HeardVoice.Transcript)] = voice.Transcript,
        [nameof(HeardVoice.HintShown)] = voice.HintShown,
        [nameof(HeardVoice.FirstArrival)] = voice.FirstArrival,
        [nameof(HeardVoice.StartedAt)] = voice.StartedAt,
        [nameof(HeardVoice.Owner)] = voice.Owner,
    };

    private static HeardVoice VoiceOf(MessageKey key, TableEntity row) => new(
        key,
        Enum.TryParse<HearingOutcome>(row.GetString(nameof(HeardVoice.Outcome)), out var outcome) ? outcome : HearingOutcome.Hearing,
        row.GetString(nameof(HeardVoice.Transcript)) ?? "",
        row.GetBoolean(nameof(HeardVoice.HintShown)) ?? false,
        row.GetDateTimeOffset(nameof(HeardVoice.FirstArrival)) ?? default,
        row.GetDateTimeOffset(nameof(HeardVoice.StartedAt)) ?? default,
        row.GetString(nameof(HeardVoice.Owner)) ?? "",
        row.ETag.ToString());
}
