using System.Numerics.Tensors;
using Azure;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Microsoft.Extensions.Options;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

/// <summary>
/// The knowledge base in Azure AI Search, for more than the embedded index holds: one search document per chunk,
/// found by hybrid search (the question's words and its vector), optionally reranked by the semantic ranker. The
/// index is created on first use when missing. The service's scores are ranks, not similarities, so the chunks'
/// vectors come back with them and <c>knowledge_min_score</c> is applied to their cosine, as for the embedded index.
/// </summary>
internal sealed class AzureSearchPassageIndex : IPassageIndex
{
    /// <summary>The named HTTP client the search SDK sends through.</summary>
    public const string HttpClientName = "knowledge-search";

    /// <summary>The service's limit for one indexing request.</summary>
    private const int BatchSize = 1000;

    private readonly IOptions<KnowledgeOptions> _options;
    private readonly SearchIndexClient _indexes;
    private readonly CreatedOnFirstUse<SearchClient> _search;

    public AzureSearchPassageIndex(IOptions<KnowledgeOptions> options, IHttpClientFactory httpClients)
    {
        _options = options;
        _indexes = CreateClient(options.Value, httpClients.CreateClient(HttpClientName));
        _search = new CreatedOnFirstUse<SearchClient>(() => OpenAsync(options.Value));
    }

    public async Task StoreAsync(KnowledgeDocument document, IReadOnlyList<EmbeddedChunk> chunks, int previousChunks, CancellationToken cancellationToken)
    {
        var search = await _search.GetAsync(cancellationToken);
        var uploads = chunks.Select(chunk => IndexDocumentsAction.MergeOrUpload(KnowledgeSearchIndex.ToSearchDocument(document, chunk)));
        var deletes = Enumerable.Range(chunks.Count, Math.Max(0, previousChunks - chunks.Count))
            .Select(index => IndexDocumentsAction.Delete(KnowledgeSearchIndex.Key, new KnowledgeChunk(document.Id, index, "").Key));
        foreach (var batch in uploads.Concat(deletes).Chunk(BatchSize))
        {
            await search.IndexDocumentsAsync(IndexDocumentsBatch.Create(batch), new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        }
    }

    public async Task RemoveAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        var search = await _search.GetAsync(cancellationToken);
        var keys = Enumerable.Range(0, document.Chunks).Select(index => new KnowledgeChunk(document.Id, index, "").Key);
        foreach (var batch in keys.Chunk(BatchSize))
        {
            await search.DeleteDocumentsAsync(KnowledgeSearchIndex.Key, batch, new IndexDocumentsOptions { ThrowOnAnyError = false }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<KnowledgePassage>> SearchAsync(string question, ReadOnlyMemory<float> vector, int top, CancellationToken cancellationToken)
    {
        var search = await _search.GetAsync(cancellationToken);
        var searchOptions = new SearchOptions
        {
            Size = top,
            VectorSearch = new VectorSearchOptions { Queries = { new VectorizedQuery(vector) { KNearestNeighborsCount = top, Fields = { KnowledgeSearchIndex.Vector } } } },
        };
        foreach (var field in KnowledgeSearchIndex.Retrieved)
        {
            searchOptions.Select.Add(field);
        }

        if (_options.Value.SemanticRanker)
        {
            searchOptions.QueryType = SearchQueryType.Semantic;
            searchOptions.SemanticSearch = new SemanticSearchOptions { SemanticConfigurationName = KnowledgeSearchIndex.SemanticConfiguration };
        }

        var response = await search.SearchAsync<SearchDocument>(question, searchOptions, cancellationToken);
        var passages = new List<KnowledgePassage>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            var (chunk, title, source, chunkVector) = KnowledgeSearchIndex.FromSearchDocument(result.Document);
            passages.Add(new KnowledgePassage(chunk, title, source, chunkVector.Length == vector.Length ? TensorPrimitives.CosineSimilarity(chunkVector, vector.Span) : 0));
        }

        return passages;
    }

    public string Describe() =>
        $"存储：Azure AI Search（{_options.Value.SearchEndpoint?.Host}，索引 {_options.Value.SearchIndex}，混合检索{(_options.Value.SemanticRanker ? " + 语义排序" : "")}）";

    private static SearchIndexClient CreateClient(KnowledgeOptions options, HttpClient http)
    {
        var clientOptions = new SearchClientOptions(SearchClientOptions.ServiceVersion.V2023_11_01) { Transport = new HttpClientTransport(http) };
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        var endpoint = options.SearchEndpoint ?? throw new InvalidOperationException("knowledge_search_endpoint is not set.");
        return string.IsNullOrWhiteSpace(options.SearchKey)
            ? new SearchIndexClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new SearchIndexClient(endpoint, new AzureKeyCredential(options.SearchKey), clientOptions);
    }

    /// <summary>The index's search client, once the index is known to exist: made here when the service has none.</summary>
    private async Task<SearchClient> OpenAsync(KnowledgeOptions options)
    {
        try
        {
            await _indexes.GetIndexAsync(options.SearchIndex);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            await _indexes.CreateIndexAsync(KnowledgeSearchIndex.Definition(options));
        }

        return _indexes.GetSearchClient(options.SearchIndex);
    }
}
