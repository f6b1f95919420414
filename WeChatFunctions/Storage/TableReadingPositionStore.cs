using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

internal sealed class TableReadingPositionStore(TableClientProvider tables) : IReadingPositionStore
{
    public async Task<ReadingPosition> ReadAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<ReadingPositionEntity>(followerId, ReadingPositionEntity.Row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToPosition() : ReadingPosition.Empty;
    }

    public async Task<bool> TrySaveAsync(string followerId, ReadingPosition position, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var entity = ReadingPositionEntity.From(followerId, position);
        try
        {
            if (position.Version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
