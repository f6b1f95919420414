using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class ModerationOptionsValidator : IValidateOptions<ModerationOptions>;

/// <summary>Each mode needs its own settings; a mode without them would block nothing, silently.</summary>
internal sealed class ModerationSourceValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        if (options.Uses(ModerationOptions.Keywords) && string.IsNullOrWhiteSpace(options.BannedWords) && string.IsNullOrWhiteSpace(options.BannedWordsFile))
        {
            return ValidateOptionsResult.Fail("Setting 'moderation' is keywords, but neither 'banned_words' nor 'banned_words_file' is set.");
        }

        if (!string.IsNullOrWhiteSpace(options.BannedWordsFile) && !File.Exists(options.BannedWordsFile))
        {
            return ValidateOptionsResult.Fail($"Setting 'banned_words_file' names '{options.BannedWordsFile}', which does not exist.");
        }

        if (options.Uses(ModerationOptions.Azure) && options.AzureEndpoint is not { IsAbsoluteUri: true })
        {
            return ValidateOptionsResult.Fail("Setting 'moderation' is azure, but 'azure_content_safety_endpoint' is not an absolute URL.");
        }

        return ValidateOptionsResult.Success;
    }
}
