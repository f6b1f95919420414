using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Conversations;

namespace WeChatFunctions.Storage;

internal sealed class TableReplyClaimStore(TableClientProvider tables) : IReplyClaimStore
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
            return null;
        }
    }

    public async Task<ReplyClaim?> FindAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<ReplyClaimEntity>(key.FollowerId, key.MessageId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToClaim() : null;
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
            return null;
        }
    }
}
