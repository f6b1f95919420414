using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Keywords;

/// <summary>Reads <c>keywords_file</c> at start-up, so that a malformed file stops the app with one line naming it, and the rules read serve the messages.</summary>
internal sealed class KeywordsFileValidator(KeywordsFile file) : IValidateOptions<KeywordOptions>
{
    public ValidateOptionsResult Validate(string? name, KeywordOptions options)
    {
        try
        {
            file.RulesOf(options.KeywordsFile);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException problem)
        {
            return ValidateOptionsResult.Fail(problem.Message);
        }
    }
}
