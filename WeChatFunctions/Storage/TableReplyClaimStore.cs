using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

internal sealed class TableReplyClaimStore(TableClientProvider tables) : IReplyClaimStore, IMessageClaimStore
{
    public const string TableName = "WeChatReplies";

    public async Task<ReplyClaim?> TryAddAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(ReplyClaimEntity.From(claim), cancellationToken);
            return claim with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // The SDK retries a request whose response was lost; the retry then meets the row the first try wrote.
            return await FindAsync(claim.Key, cancellationToken) is { } stored && stored.Owner == claim.Owner ? stored : null;
        }
    }

    /// <summary>A push that needs no generation is stored as a claim whose answer is complete and empty.</summary>
    public async Task<bool> TryAddAsync(MessageKey key, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        await TryAddAsync(ReplyClaim.New(key, question: null, arrival), cancellationToken) is not null;

    public async Task<ReplyClaim?> FindAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<ReplyClaimEntity>(key.FollowerId, key.MessageId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToClaim() : null;
    }

    public async Task<IReadOnlyList<ReplyClaim>> FindUnfinishedAsync(string followerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var generating = nameof(AnswerStatus.Generating);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and Status eq {generating} and FirstArrival ge {since}");
        var unfinished = new List<ReplyClaim>();
        await foreach (var entity in table.QueryAsync<ReplyClaimEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.Question is not null)
            {
                unfinished.Add(entity.ToClaim());
            }
        }

        return unfinished;
    }

    public async Task<ReplyClaim?> TryReplaceAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = ReplyClaimEntity.From(claim);
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return claim with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            // As for an insert: a retried replace that meets its own write finds the row as this owner left it.
            return changed.Status == 412 && await FindAsync(claim.Key, cancellationToken) is { } stored && stored.Owner == claim.Owner && stored.Answer == claim.Answer
                ? stored
                : null;
        }
    }
}
