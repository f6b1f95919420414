using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Memory;

internal static class MemoryServiceCollectionExtensions
{
    /// <summary>The <c>remember</c> tool; the facts are read with the preferences and listed by <c>/memory</c>.</summary>
    public static IServiceCollection AddMemory(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantTool, RememberTool>());
        return services;
    }
}
