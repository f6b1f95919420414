using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class KnowledgeAttributesValidator : IValidateOptions<KnowledgeOptions>;

/// <summary>Checks the knowledge settings that attributes cannot: the search service's address and index name.</summary>
internal sealed partial class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        if (options.SearchEndpoint is { } endpoint && !endpoint.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'knowledge_search_endpoint' must be an absolute https URL, such as https://name.search.windows.net.");
        }

        if (!IndexName().IsMatch(options.SearchIndex))
        {
            return ValidateOptionsResult.Fail("Setting 'knowledge_search_index' must be 2 to 128 lower-case letters, digits or dashes, starting with a letter or digit.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Azure AI Search's rule for index names.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,127}$")]
    private static partial Regex IndexName();
}
