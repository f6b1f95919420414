using System.Globalization;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

/// <summary>The Azure AI Search index of the knowledge base: its fields, and a chunk as a search document.</summary>
internal static class KnowledgeSearchIndex
{
    public const string Key = "id";

    public const string Vector = "embedding";

    public const string SemanticConfiguration = "knowledge";

    private const string DocumentId = "document_id";
    private const string ChunkIndex = "chunk";
    private const string Title = "title";
    private const string Source = "source";
    private const string Content = "content";
    private const string VectorProfile = "knowledge-vectors";
    private const string VectorAlgorithm = "knowledge-hnsw";

    public static readonly string[] Retrieved = [Key, DocumentId, ChunkIndex, Title, Source, Content, Vector];

    /// <summary>
    /// Chinese text is analysed by the Lucene analyser for Simplified Chinese, so that keyword search finds words
    /// rather than single characters. The vector field is retrievable, for the cosine that <c>knowledge_min_score</c> needs.
    /// </summary>
    public static SearchIndex Definition(KnowledgeOptions options) => new(options.SearchIndex)
    {
        Fields =
        {
            new SimpleField(Key, SearchFieldDataType.String) { IsKey = true },
            new SimpleField(DocumentId, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(ChunkIndex, SearchFieldDataType.Int32),
            new SearchableField(Title) { AnalyzerName = LexicalAnalyzerName.ZhHansLucene },
            new SimpleField(Source, SearchFieldDataType.String),
            new SearchableField(Content) { AnalyzerName = LexicalAnalyzerName.ZhHansLucene },
            new SearchField(Vector, SearchFieldDataType.Collection(SearchFieldDataType.Single))
            {
                IsSearchable = true,
                VectorSearchDimensions = options.EmbeddingDimensions > 0 ? options.EmbeddingDimensions : 1536,
                VectorSearchProfileName = VectorProfile,
            },
        },
        VectorSearch = new VectorSearch
        {
            Profiles = { new VectorSearchProfile(VectorProfile, VectorAlgorithm) },
            Algorithms = { new HnswAlgorithmConfiguration(VectorAlgorithm) { Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.Cosine } } },
        },
        SemanticSearch = new SemanticSearch
        {
            Configurations = { new SemanticConfiguration(SemanticConfiguration, new SemanticPrioritizedFields { TitleField = new SemanticField(Title), ContentFields = { new SemanticField(Content) } }) },
        },
    };

    public static SearchDocument ToSearchDocument(KnowledgeDocument document, EmbeddedChunk chunk) => new()
    {
        [Key] = chunk.Chunk.Key,
        [DocumentId] = document.Id,
        [ChunkIndex] = chunk.Chunk.Index,
        [Title] = document.Title,
        [Source] = document.Source,
        [Content] = chunk.Chunk.Text,
        [Vector] = chunk.Vector.ToArray(),
    };

    public static (KnowledgeChunk Chunk, string Title, string Source, float[] Vector) FromSearchDocument(SearchDocument found) => (
        new KnowledgeChunk(found.GetString(DocumentId) ?? "", found.GetInt32(ChunkIndex) ?? 0, found.GetString(Content) ?? ""),
        found.GetString(Title) ?? "",
        found.GetString(Source) ?? "",
        found.TryGetValue(Vector, out var values) && values is IEnumerable<object> items ? [.. items.Select(item => Convert.ToSingle(item, CultureInfo.InvariantCulture))] : []);
}
