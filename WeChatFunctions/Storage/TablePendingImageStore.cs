using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Images;

namespace WeChatFunctions.Storage;

/// <summary>Keeps a small image in its table row and a larger one (over one binary property's 64 KiB) in Blob Storage.</summary>
internal sealed class TablePendingImageStore(TableClientProvider tables, BlobContainerProvider blobs, LegacyFollowerTables legacy) : IPendingImageStore
{
    private const string TableName = FollowerTable.Name;

    /// <summary>A table property holds at most 64 KiB of binary.</summary>
    private const int MaxInlineBytes = 64 * 1024;

    /// <summary>
    /// Replaces the follower's pending image. A large one gets a blob of its own name, so that a reader of the old row
    /// never gets the new bytes under the old media type; the blob of the image it replaces is deleted afterwards.
    /// </summary>
    public async Task SaveAsync(string followerId, PendingImage image, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var replaced = await FindBlobNameAsync(table, followerId, cancellationToken) is { HasValue: true, Value.BlobName: var blobName } ? blobName : null;
        var entity = new PendingImageEntity { PartitionKey = followerId, MediaType = image.MediaType, ReceivedAt = image.ReceivedAt };
        if (image.Bytes.Length <= MaxInlineBytes)
        {
            entity.Bytes = image.Bytes.ToArray();
        }
        else
        {
            entity.BlobName = followerId + "/" + Guid.NewGuid().ToString("N");
            var container = await blobs.GetAsync(cancellationToken);
            await container.GetBlobClient(entity.BlobName).UploadAsync(BinaryData.FromBytes(image.Bytes), overwrite: true, cancellationToken);
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await DeleteBlobAsync(replaced, cancellationToken);
    }

    public async Task<PendingImage?> FindAsync(string followerId, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<PendingImageEntity>(followerId, PendingImageEntity.Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        var bytes = entity.Bytes;
        if (entity.BlobName is { } blobName)
        {
            var container = await blobs.GetAsync(cancellationToken);
            try
            {
                bytes = (await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
        }

        return bytes is null ? null : new PendingImage(bytes, entity.MediaType, entity.ReceivedAt);
    }

    /// <summary>Deletes up to <paramref name="maxRows"/> images received before <paramref name="cutoff"/>, with their blobs.</summary>
    public async Task<int> DeleteReceivedBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var expired = await TableRows.FindKeysAsync(table, TableClient.CreateQueryFilter($"RowKey eq {PendingImageEntity.Row} and ReceivedAt lt {cutoff}"), maxRows, cancellationToken);
        foreach (var row in expired)
        {
            // One by one, each with its blob.
            await DeleteAsync(row.PartitionKey, cancellationToken);
        }

        return expired.Count;
    }

    public async Task DeleteAsync(string followerId, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await FindBlobNameAsync(table, followerId, cancellationToken);
        if (!found.HasValue)
        {
            return;
        }

        await table.DeleteEntityAsync(followerId, PendingImageEntity.Row, ETag.All, cancellationToken);
        await DeleteBlobAsync(found.Value?.BlobName, cancellationToken);
    }

    private static Task<NullableResponse<PendingImageEntity>> FindBlobNameAsync(TableClient table, string followerId, CancellationToken cancellationToken) =>
        table.GetEntityIfExistsAsync<PendingImageEntity>(followerId, PendingImageEntity.Row, select: [nameof(PendingImageEntity.BlobName)], cancellationToken: cancellationToken);

    private async Task DeleteBlobAsync(string? blobName, CancellationToken cancellationToken)
    {
        if (blobName is not null)
        {
            var container = await blobs.GetAsync(cancellationToken);
            await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
