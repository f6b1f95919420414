using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

/// <summary>Refuses a <c>tools</c> setting that names a tool this build does not have.</summary>
internal sealed class ToolNamesValidator(IEnumerable<IAssistantTool> builtIn) : IValidateOptions<ToolOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolOptions options)
    {
        var known = builtIn.Select(tool => tool.Declaration.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = options.ToolList.Where(tool => !known.Contains(tool)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting 'tools' names unknown tools: {string.Join(", ", unknown)}. Built-in: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
    }
}
