using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Checks the rules that span the encryption settings.</summary>
internal sealed class WeChatEncryptionValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var hasKey = !string.IsNullOrEmpty(options.EncodingAesKey);
        if (hasKey && string.IsNullOrWhiteSpace(options.AppId))
        {
            return ValidateOptionsResult.Fail("Setting 'wechat_app_id' is required with 'wechat_encoding_aes_key': encrypted pushes are checked against the AppID.");
        }

        if (!hasKey && !string.IsNullOrEmpty(options.PreviousEncodingAesKey))
        {
            return ValidateOptionsResult.Fail("Setting 'wechat_encoding_aes_key' is required with 'wechat_encoding_aes_key_previous': the previous key is only a fallback.");
        }

        return ValidateOptionsResult.Success;
    }
}
