using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WebSearch;

/// <summary>Refuses a <c>tools</c> setting that names <c>web_search</c> while no search service is set.</summary>
internal sealed class WebSearchToolValidator(IOptions<WebSearchOptions> webSearch) : IValidateOptions<ToolOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolOptions options) =>
        options.ToolList.Contains(WebSearchTool.Name) && !webSearch.Value.IsEnabled
            ? ValidateOptionsResult.Fail($"Setting 'tools' names {WebSearchTool.Name}, but 'web_search_provider' is not set; set it to searxng, tavily or bocha, or take {WebSearchTool.Name} out of 'tools'.")
            : ValidateOptionsResult.Success;
}
