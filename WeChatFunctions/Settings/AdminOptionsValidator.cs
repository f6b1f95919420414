using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>An admin token short enough to guess would hand the bot to whoever guesses it.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        string.IsNullOrEmpty(options.Token) || options.Token.Length >= MinTokenLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting 'token' must be at least {MinTokenLength} characters, or empty to turn admin commands off.");
}
