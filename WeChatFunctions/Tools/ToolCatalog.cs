using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

/// <summary>The tools the model may call now: the built-in ones the <c>tools</c> setting names, and every source's.</summary>
internal sealed class ToolCatalog(IEnumerable<IAssistantTool> builtIn, IEnumerable<IToolSource> sources, IOptions<ToolOptions> options)
{
    private readonly IReadOnlyList<IAssistantTool> _enabled = [.. builtIn.Where(tool => options.Value.ToolList.Contains(tool.Declaration.Name))];

    /// <summary>Empty when <c>max_tool_rounds</c> is 0: the model then answers without tools, as before they existed.</summary>
    public IReadOnlyList<IAssistantTool> Tools =>
        options.Value.MaxToolRounds == 0 ? [] : [.. _enabled, .. sources.SelectMany(source => source.Tools)];
}
