using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class WebSearchAttributesValidator : IValidateOptions<WebSearchOptions>;

/// <summary>Each provider needs its own settings; a search tool without them would fail every call, and only then.</summary>
internal sealed class WebSearchOptionsValidator : IValidateOptions<WebSearchOptions>
{
    public ValidateOptionsResult Validate(string? name, WebSearchOptions options)
    {
        if (options.Endpoint is { } endpoint && !endpoint.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'web_search_endpoint' must be an absolute http or https URL.");
        }

        if (options.Provider == WebSearchOptions.Searxng && options.Endpoint is null)
        {
            return ValidateOptionsResult.Fail("Setting 'web_search_provider' is searxng, but 'web_search_endpoint' is not set; name the SearXNG instance, such as http://searxng:8080.");
        }

        if (options.SendsKey && string.IsNullOrWhiteSpace(options.Key))
        {
            return ValidateOptionsResult.Fail($"Setting 'web_search_provider' is {options.Provider}, but 'web_search_key' is not set.");
        }

        return ValidateOptionsResult.Success;
    }
}
