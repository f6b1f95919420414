using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The account's own knowledge base: whether answers draw on it, how passages are found, and where they are kept.</summary>
public sealed class KnowledgeOptions
{
    public const string Off = "off";

    public const string Prefer = "prefer";

    public const string Only = "only";

    public const string DefaultEmbeddingModel = "text-embedding-3-small";

    public const string DefaultSearchIndex = "wechat-knowledge";

    /// <summary>
    /// <c>off</c>: answers come from the model alone. <c>prefer</c>: from the passages found, or from general knowledge
    /// when none matches. <c>only</c>: from the passages found, and a fixed reply when none matches.
    /// </summary>
    [ConfigurationKeyName("knowledge_mode")]
    [RegularExpression("^(off|prefer|only)$", ErrorMessage = "Setting 'knowledge_mode' must be off, prefer or only.")]
    public string Mode { get; set; } = Off;

    [ConfigurationKeyName("knowledge_top_k")]
    [Range(1, 10, ErrorMessage = "Setting 'knowledge_top_k' must be between 1 and 10.")]
    public int TopK { get; set; } = 4;

    /// <summary>The cosine similarity below which a passage is not used; 0.3 suits the text-embedding-3 models.</summary>
    [ConfigurationKeyName("knowledge_min_score")]
    [Range(0.0, 1.0, ErrorMessage = "Setting 'knowledge_min_score' must be between 0 and 1.")]
    public double MinScore { get; set; } = 0.3;

    /// <summary>The embedding model, served by the same endpoint and credentials as <c>chat_gpt_model</c>.</summary>
    [ConfigurationKeyName("knowledge_embedding_model")]
    public string EmbeddingModel { get; set; } = DefaultEmbeddingModel;

    /// <summary>
    /// How long the vectors are. The text-embedding-3 models shorten theirs on request with little loss; 256 keeps
    /// 20,000 chunks in 5 MB of memory. 0 leaves the model's own length, for models that take no <c>dimensions</c>.
    /// </summary>
    [ConfigurationKeyName("knowledge_embedding_dimensions")]
    [Range(0, 4096, ErrorMessage = "Setting 'knowledge_embedding_dimensions' must be between 0 and 4096 (0: the model's own length).")]
    public int EmbeddingDimensions { get; set; } = 256;

    /// <summary>An Azure AI Search service, such as https://name.search.windows.net; empty keeps the knowledge base in the app's storage account.</summary>
    [ConfigurationKeyName("knowledge_search_endpoint")]
    public Uri? SearchEndpoint { get; set; }

    /// <summary>An admin key of the search service; empty authenticates with the app's managed identity.</summary>
    [ConfigurationKeyName("knowledge_search_key")]
    public string? SearchKey { get; set; }

    [ConfigurationKeyName("knowledge_search_index")]
    public string SearchIndex { get; set; } = DefaultSearchIndex;

    /// <summary>Reranks the hybrid results with Azure AI Search's semantic ranker, which the service's tier must offer.</summary>
    [ConfigurationKeyName("knowledge_semantic_ranker")]
    public bool SemanticRanker { get; set; }

    public bool IsEnabled => Mode != Off;

    public bool UsesSearchService => SearchEndpoint is not null;
}
