using System.Globalization;
using System.Runtime.InteropServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Storage;

/// <summary>
/// The embedded index's storage: each chunk's text in its own row of <c>WeChatKnowledge</c> (partition
/// <c>c-{document}</c>, row <c>{index:D5}</c>), read by point reads for the passages found; and each document's
/// vectors as one blob of little-endian floats in <c>wechat-knowledge</c>, read whole when an instance loads it.
/// </summary>
internal sealed class TableKnowledgeChunkStore(TableClientProvider tables, BlobContainerProvider blobs) : IKnowledgeChunkStore
{
    /// <summary>Table Storage's limit for one batch.</summary>
    private const int BatchSize = 100;

    private const string DimensionsMetadata = "dimensions";

    public async Task SaveAsync(string documentId, IReadOnlyList<EmbeddedChunk> chunks, int previousChunks, CancellationToken cancellationToken)
    {
        var dimensions = chunks.Count == 0 ? 0 : chunks[0].Vector.Length;
        var vectors = new float[chunks.Count * dimensions];
        for (var index = 0; index < chunks.Count; index++)
        {
            chunks[index].Vector.Span.CopyTo(vectors.AsSpan(index * dimensions, dimensions));
        }

        var container = await blobs.GetAsync(BlobContainerProvider.KnowledgeContainer, cancellationToken);
        await container.GetBlobClient(BlobName(documentId)).UploadAsync(
            new BinaryData(MemoryMarshal.AsBytes(vectors.AsSpan()).ToArray()),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [DimensionsMetadata] = dimensions.ToString(CultureInfo.InvariantCulture) } },
            cancellationToken);

        var table = await tables.GetAsync(TableKnowledgeCatalog.TableName, cancellationToken);
        var upserts = chunks.Select(chunk => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, new TableEntity(PartitionOf(documentId), RowOf(chunk.Chunk.Index)) { ["Text"] = chunk.Chunk.Text }));
        var deletes = Enumerable.Range(chunks.Count, Math.Max(0, previousChunks - chunks.Count))
            .Select(index => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionOf(documentId), RowOf(index)), ETag.All));
        foreach (var batch in upserts.Concat(deletes).Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<float[]>> ReadVectorsAsync(string documentId, CancellationToken cancellationToken)
    {
        var container = await blobs.GetAsync(BlobContainerProvider.KnowledgeContainer, cancellationToken);
        try
        {
            var download = await container.GetBlobClient(BlobName(documentId)).DownloadContentAsync(cancellationToken);
            var dimensions = int.Parse(download.Value.Details.Metadata[DimensionsMetadata], CultureInfo.InvariantCulture);
            var values = MemoryMarshal.Cast<byte, float>(download.Value.Content.ToMemory().Span).ToArray();
            return dimensions == 0 ? [] : [.. values.Chunk(dimensions)];
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return [];
        }
    }

    public async Task<IReadOnlyList<string>> ReadTextsAsync(IReadOnlyList<(string DocumentId, int Index)> chunks, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableKnowledgeCatalog.TableName, cancellationToken);
        var rows = await Task.WhenAll(chunks.Select(chunk =>
            table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(chunk.DocumentId), RowOf(chunk.Index), ["Text"], cancellationToken)));
        return [.. rows.Select(row => row.HasValue ? row.Value!.GetString("Text") ?? "" : "")];
    }

    public async Task DeleteAsync(string documentId, int chunks, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableKnowledgeCatalog.TableName, cancellationToken);
        await TableRows.DeleteAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(documentId)}"), Math.Max(chunks, 1) + BatchSize, cancellationToken);
        var container = await blobs.GetAsync(BlobContainerProvider.KnowledgeContainer, cancellationToken);
        await container.DeleteBlobIfExistsAsync(BlobName(documentId), cancellationToken: cancellationToken);
    }

    private static string PartitionOf(string documentId) => "c-" + documentId;

    private static string RowOf(int index) => index.ToString("D5", CultureInfo.InvariantCulture);

    private static string BlobName(string documentId) => documentId + ".vectors";
}
