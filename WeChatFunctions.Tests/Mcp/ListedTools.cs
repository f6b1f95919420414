using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>The tools an app offers the model, as its tool catalog has them, once its background listing got that far.</summary>
internal static class ListedTools
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<IAssistantTool> Now(WeChatApplication application) => application.Services.GetRequiredService<ToolCatalog>().Tools;

    public static IReadOnlyList<string> NamesNow(WeChatApplication application) => [.. Now(application).Select(tool => tool.Declaration.Name).Order(StringComparer.Ordinal)];

    /// <summary>Polls until <paramref name="reached"/> holds; the deadline only ends a test that would otherwise hang.</summary>
    public static async Task<IReadOnlyList<IAssistantTool>> WhenAsync(WeChatApplication application, Func<IReadOnlyList<IAssistantTool>, bool> reached)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (!reached(Now(application)))
        {
            Assert.True(DateTime.UtcNow < giveUp, $"The tools did not change as expected; offered: {string.Join(", ", NamesNow(application))}.");
            await Task.Delay(50);
        }

        return Now(application);
    }

    public static async Task<IAssistantTool> NamedAsync(WeChatApplication application, string name) =>
        (await WhenAsync(application, tools => tools.Any(tool => tool.Declaration.Name == name))).Single(tool => tool.Declaration.Name == name);

    public static async Task WhileAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The condition did not end in time.");
            await Task.Delay(50);
        }
    }
}
