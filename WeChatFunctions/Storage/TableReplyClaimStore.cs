using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

/// <summary>
/// The claims in the follower's partition. Every write records how late this instance is running, and every claim read
/// carries when its version landed and when it was read, by the storage service's clock, for <see cref="ClaimSilence"/>.
/// </summary>
internal sealed class TableReplyClaimStore(
    TableClientProvider tables, FollowerPartitionQuery partitions, TableUsageStore usage, InstanceLag lag, TimeProvider timeProvider) : IReplyClaimStore, IMessageClaimStore
{
    public const string TableName = FollowerTable.Name;

    /// <summary>Each conflict on the usage row or the mark means another change to it landed: a follower cannot make many at once.</summary>
    private const int MaxConflicts = 5;

    /// <summary>Delivery marks are rows <c>delivered-{message}</c>; message ids start with a letter and a digit.</summary>
    public const string DeliveredPrefix = "delivered-";

    /// <summary>A mark whose reply was withheld after all is cancelled by a row <c>withdrawn-{message}</c>.</summary>
    public const string WithdrawnPrefix = "withdrawn-";

    public async Task<ReplyClaim?> TryAddAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var tries = new CallTries();
        try
        {
            using (tries.Watch())
            {
                var response = await table.AddEntityAsync(ReplyClaimEntity.From(claim, lag.Recent), cancellationToken);
                return claim with { Version = response.Headers.ETag?.ToString() ?? "" };
            }
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // The SDK retries a request whose response was lost; the retry then meets the row the first try wrote.
            return tries.WereRetried && await FindAsync(claim.Key, cancellationToken) is { } stored && stored.Owner == claim.Owner ? stored : null;
        }
    }

    /// <summary>A push that needs no generation is stored as a claim whose answer is complete and empty.</summary>
    public async Task<bool> TryAddAsync(MessageKey key, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        await TryAddAsync(ReplyClaim.New(key, question: null, arrival), cancellationToken) is not null;

    public async Task<ReplyClaim?> FindAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var sent = timeProvider.GetUtcNow();
        var found = await table.GetEntityIfExistsAsync<ReplyClaimEntity>(key.FollowerId, key.MessageId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToClaim(ServiceTime.Of(found.GetRawResponse(), sent)) : null;
    }

    /// <summary>
    /// The claims, their delivery marks and the reading position, from the one query of the follower's partition
    /// (<see cref="FollowerPartitionQuery"/>), which reads what the prompt needs as well. A mark stores when it was made
    /// as its <c>FirstArrival</c>, so the query and the claims' cleanup treat it like a claim from then.
    /// </summary>
    public async Task<FollowerReplies> FindUndeliveredAsync(string followerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (rows, context) = await partitions.ReadAsync(followerId, since, cancellationToken);
        return FollowerReplyRows.Sort(rows, context);
    }

    /// <summary>
    /// A row of its own beside the claim, so that it never races the owner's writes to the claim. Marks and withdrawals
    /// are only ever inserted: a request that outlived its client's timeout and lands late cannot undo either.
    /// </summary>
    public Task MarkDeliveredAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken) =>
        InsertMarkAsync(key.FollowerId, DeliveredPrefix + key.MessageId, at, cancellationToken);

    public Task WithdrawDeliveredAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken) =>
        InsertMarkAsync(key.FollowerId, WithdrawnPrefix + key.MessageId, at, cancellationToken);

    /// <summary>A mark found was made already: by an earlier attempt, or by this one's write whose response was lost.</summary>
    private async Task InsertMarkAsync(string followerId, string rowKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        await TableRows.TryAddAsync(await tables.GetAsync(TableName, cancellationToken), Mark(followerId, rowKey, at), cancellationToken);

    private static TableEntity DeliveredMark(MessageKey key, DateTimeOffset at) => Mark(key.FollowerId, DeliveredPrefix + key.MessageId, at);

    private static TableEntity Mark(string followerId, string rowKey, DateTimeOffset at) => new(followerId, rowKey) { [nameof(ReplyClaimEntity.FirstArrival)] = at };

    public async Task<ReplyClaim?> TryReplaceAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = ReplyClaimEntity.From(claim, lag.Recent);
        var tries = new CallTries();
        try
        {
            using (tries.Watch())
            {
                var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return claim with { Version = response.Headers.ETag?.ToString() ?? "" };
            }
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            return changed.Status == 412 ? await OwnWriteAsync(claim, tries, cancellationToken) : null;
        }
    }

    public async Task<FinishedClaim> TryFinishAsync(ReplyClaim claim, FinishWrites writes, CancellationToken cancellationToken)
    {
        var usageWrite = writes.Settlement is null ? null : await usage.SettlementAsync(writes.Settlement, read: false, cancellationToken);
        if (writes.Remembered is null && usageWrite is null && writes.Delivered is null)
        {
            return new FinishedClaim(await TryReplaceAsync(claim, cancellationToken), false, false);
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = ReplyClaimEntity.From(claim, lag.Recent);
        var mark = writes.Delivered is { } delivered ? DeliveredMark(claim.Key, delivered) : null;
        for (var conflicts = 0; ; conflicts++)
        {
            List<TableTransactionAction> finish =
            [
                new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
                .. writes.Remembered is null ? [] : ConversationTurnEntity.ExchangeAt(claim.Key.FollowerId, claim.ProgressAt, writes.Remembered).Select(turn => new TableTransactionAction(TableTransactionActionType.Add, turn)),
            ];
            var markAt = Append(finish, mark is null ? null : new TableTransactionAction(TableTransactionActionType.Add, mark));
            var usageAt = Append(finish, usageWrite?.Action);

            var tries = new CallTries();
            try
            {
                using (tries.Watch())
                {
                    var response = await table.SubmitTransactionAsync(finish, cancellationToken);
                    usageWrite?.Landed(usageAt < 0 ? null : response.Value[usageAt]);
                    return new FinishedClaim(claim with { Version = response.Value[0].Headers.ETag?.ToString() ?? "" }, usageWrite is not null, writes.Delivered is not null);
                }
            }
            catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is { } index && (index == markAt || index == usageAt) && conflicts < MaxConflicts)
            {
                if (index == markAt)
                {
                    mark = null; // shown already, by an attempt that did not wait for the finish
                }
                else
                {
                    // Another instance changed the follower's usage since it was read (a picture charged, the next question).
                    usageWrite = await usage.SettlementAsync(writes.Settlement!, read: true, cancellationToken);
                }
            }
            catch (RequestFailedException refused) when (refused.Status == 400)
            {
                // Turns the service will not take (too large, say) cost the history, never the answer: the claim alone is saved.
                return new FinishedClaim(await TryReplaceAsync(claim, cancellationToken), false, false);
            }
            catch (RequestFailedException changed) when (changed.Status is 409 or 412 or 404)
            {
                var saved = changed.Status != 404 ? await OwnWriteAsync(claim, tries, cancellationToken) : null;
                return new FinishedClaim(saved, saved is not null && usageWrite is not null, saved is not null && writes.Delivered is not null);
            }
        }
    }

    /// <returns>Where <paramref name="action"/> went in the transaction, if anywhere: the index a failure names.</returns>
    private static int Append(List<TableTransactionAction> transaction, TableTransactionAction? action)
    {
        if (action is null)
        {
            return -1;
        }

        transaction.Add(action);
        return transaction.Count - 1;
    }

    /// <summary>
    /// As for an insert: a retried write that meets its own first try, landed with its response lost, finds the claim as
    /// this owner left it. A conflict on the first try is another writer's.
    /// </summary>
    private async Task<ReplyClaim?> OwnWriteAsync(ReplyClaim claim, CallTries tries, CancellationToken cancellationToken) =>
        tries.WereRetried && await FindAsync(claim.Key, cancellationToken) is { } stored && stored.Owner == claim.Owner && stored.Answer == claim.Answer
            ? stored
            : null;
}
