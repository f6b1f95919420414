using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.WebSearch;

internal static class WebSearchServiceCollectionExtensions
{
    /// <summary>The <c>web_search</c> tool and one API per provider; the tool is offered only when <c>tools</c> names it.</summary>
    public static IServiceCollection AddWebSearch(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantTool, WebSearchTool>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebSearchApi, SearxngApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebSearchApi, TavilyApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebSearchApi, BochaApi>());
        services.AddSingleton<IValidateOptions<ToolOptions>, WebSearchToolValidator>();
        // The message handlers would log the request line, and with it the follower's query, at Information.
        // The client bounds each call by tool_timeout_seconds itself.
        services.AddHttpClient<WebSearchClient>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = WebSearchClient.MaxResponseBytes;
            })
            .RemoveAllLoggers();
        return services;
    }
}
