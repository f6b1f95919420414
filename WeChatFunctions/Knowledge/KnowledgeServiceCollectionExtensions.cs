using WeChatFunctions.Fetching;

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
        services.AddSingleton<PublishedArticleImport>();
        services.AddHttpClient<ArticleFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan).UseFetchGuard().RemoveAllLoggers();
        services.AddSingleton<EmbeddedPassageIndex>();
        services.AddHostedService<KnowledgeWarmUp>();
        return services;
    }
}
