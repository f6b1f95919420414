using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

internal static class ToolsServiceCollectionExtensions
{
    /// <summary>The tool catalog and the built-in tools that live here; features add theirs as <see cref="IAssistantTool"/> or <see cref="IToolSource"/>.</summary>
    public static IServiceCollection AddTools(this IServiceCollection services)
    {
        services.AddSingleton<ToolCatalog>();
        services.AddSingleton<ToolRunner>();
        services.AddSingleton<ToolCalls>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantTool, CurrentTimeTool>());
        services.AddSingleton<IValidateOptions<ToolOptions>, ToolNamesValidator>();
        return services;
    }
}
