using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Links;

internal static class LinksServiceCollectionExtensions
{
    /// <summary>Reading links through the knowledge base's guarded fetcher: shared articles before questions, and <c>read_link</c>.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddSingleton<LinkReader>();
        services.AddSingleton<SharedArticles>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantTool, ReadLinkTool>());
        return services;
    }
}
