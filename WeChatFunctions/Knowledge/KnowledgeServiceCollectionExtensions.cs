using Microsoft.Extensions.Options;
using WeChatFunctions.Fetching;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

internal static class KnowledgeServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<TextChunker>();
        services.AddSingleton<KnowledgeEmbedder>();
        services.AddSingleton<ImportEmbedding>();
        services.AddSingleton<KnowledgeImporter>();
        services.AddSingleton<KnowledgeGrounding>();
        services.AddSingleton<KnowledgeAdministration>();
        services.AddHttpClient<ArticleFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan).UseFetchGuard().RemoveAllLoggers();
        services.AddSingleton<EmbeddedPassageIndex>();
        services.AddSingleton<IPassageIndex>(provider => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.UsesSearchService
            ? throw new NotSupportedException("Azure AI Search is not wired yet.")
            : provider.GetRequiredService<EmbeddedPassageIndex>());
        return services;
    }
}
