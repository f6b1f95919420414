using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>A malformed endpoint or locale would fail every voice, and only when a follower speaks.</summary>
internal sealed partial class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions options)
    {
        if (options.Endpoint is { } endpoint && !endpoint.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'speech_endpoint' must be an absolute https URL, such as https://{name}.cognitiveservices.azure.com/.");
        }

        if (options.LocaleList.FirstOrDefault(locale => !Locale().IsMatch(locale)) is { } malformed)
        {
            return ValidateOptionsResult.Fail($"Setting 'speech_locales' has '{malformed}', which is not a locale such as zh-CN.");
        }

        return ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex Locale();
}
