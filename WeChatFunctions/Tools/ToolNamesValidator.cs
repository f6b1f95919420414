using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

/// <summary>
/// Refuses a <c>tools</c> setting that names a tool this build does not have. The tools are resolved when the
/// settings are checked, not when this is built: a tool may itself depend on <see cref="ToolOptions"/>.
/// </summary>
internal sealed class ToolNamesValidator(IServiceProvider services) : IValidateOptions<ToolOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolOptions options)
    {
        var known = services.GetServices<IAssistantTool>().Select(tool => tool.Declaration.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = options.ToolList.Where(tool => !known.Contains(tool)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting 'tools' names unknown tools: {string.Join(", ", unknown)}. Built-in: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
    }
}
