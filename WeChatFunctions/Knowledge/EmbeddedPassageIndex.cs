using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// The default index: chunk texts in Table Storage and each document's vectors in a blob, in the app's own storage
/// account. Every instance holds all vectors in memory, quantized (<see cref="QuantizedVectors"/>), and searches them
/// exhaustively; only the texts of the passages found are read, in one round of point reads. The catalog's version is
/// checked at most every <see cref="RefreshInterval"/>, and only documents added or changed since are loaded.
/// </summary>
internal sealed class EmbeddedPassageIndex(IKnowledgeCatalog catalog, IKnowledgeChunkStore store, IOptions<KnowledgeOptions> options, TimeProvider timeProvider)
    : IPassageIndex, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private const int ParallelLoads = 8;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private ImmutableDictionary<string, LoadedDocument> _documents = ImmutableDictionary<string, LoadedDocument>.Empty;
    private string? _version;
    private long _checkedAtTicks = long.MinValue / 2;

    public async Task StoreAsync(KnowledgeDocument document, IReadOnlyList<EmbeddedChunk> chunks, int previousChunks, CancellationToken cancellationToken)
    {
        await store.SaveAsync(document.Id, chunks, previousChunks, cancellationToken);
        Forget();
    }

    public async Task RemoveAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(document.Id, document.Chunks, cancellationToken);
        Forget();
    }

    public async Task<IReadOnlyList<KnowledgePassage>> SearchAsync(string question, ReadOnlyMemory<float> vector, int top, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        var (query, queryScale) = QuantizedVectors.QuantizeQuery(vector.Span);
        var best = new PriorityQueue<(LoadedDocument Document, int Index), float>(top + 1);
        foreach (var document in _documents.Values.Where(document => document.Vectors.Dimensions == query.Length))
        {
            for (var index = 0; index < document.Vectors.Count; index++)
            {
                best.Enqueue((document, index), document.Vectors.Similarity(index, query, queryScale));
                if (best.Count > top)
                {
                    best.Dequeue();
                }
            }
        }

        var found = new List<(LoadedDocument Document, int Index, float Score)>();
        while (best.TryDequeue(out var hit, out var score))
        {
            found.Insert(0, (hit.Document, hit.Index, score));
        }

        var texts = await store.ReadTextsAsync([.. found.Select(hit => (hit.Document.Entry.Id, hit.Index))], cancellationToken);
        return [.. found.Select((hit, at) => new KnowledgePassage(new KnowledgeChunk(hit.Document.Entry.Id, hit.Index, texts[at]), hit.Document.Entry.Title, hit.Document.Entry.Source, hit.Score))
            .Where(passage => passage.Chunk.Text.Length > 0)];
    }

    public string Describe()
    {
        var documents = _documents.Values.ToList();
        var megabytes = documents.Sum(document => document.Vectors.Bytes) / 1024.0 / 1024.0;
        var expected = options.Value.EmbeddingDimensions;
        var stale = expected == 0 ? 0 : documents.Count(document => document.Vectors.Count > 0 && document.Vectors.Dimensions != expected);
        return string.Create(CultureInfo.InvariantCulture, $"存储：应用自己的存储账户，本实例内存中 {documents.Sum(document => document.Vectors.Count)} 段向量（{megabytes:0.0} MB）")
            + (stale > 0 ? string.Create(CultureInfo.InvariantCulture, $"\n注意：{stale} 篇文档的向量维数与 knowledge_embedding_dimensions 不同，检索不到，请重新导入") : "");
    }

    /// <summary>Loads what changed since the last check, if the catalog changed; at most once per <see cref="RefreshInterval"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (timeProvider.GetUtcNow().UtcTicks - Volatile.Read(ref _checkedAtTicks) < RefreshInterval.Ticks)
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow().UtcTicks;
            if (now - _checkedAtTicks < RefreshInterval.Ticks)
            {
                return;
            }

            var version = await catalog.ReadVersionAsync(cancellationToken);
            if (version != _version)
            {
                _documents = await LoadChangedAsync(await catalog.ListAsync(cancellationToken), cancellationToken);
                _version = version;
            }

            Volatile.Write(ref _checkedAtTicks, now);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>The next search reads the catalog's version again: this instance has just changed it.</summary>
    private void Forget() => Volatile.Write(ref _checkedAtTicks, long.MinValue / 2);

    private async Task<ImmutableDictionary<string, LoadedDocument>> LoadChangedAsync(IReadOnlyList<KnowledgeDocument> entries, CancellationToken cancellationToken)
    {
        var loaded = _documents;
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, LoadedDocument>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelLoads, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                result[entry.Id] = loaded.TryGetValue(entry.Id, out var known) && known.Entry == entry
                    ? known
                    : new LoadedDocument(entry, new QuantizedVectors(await store.ReadVectorsAsync(entry.Id, token)));
            });
        return result.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private sealed record LoadedDocument(KnowledgeDocument Entry, QuantizedVectors Vectors);
}
