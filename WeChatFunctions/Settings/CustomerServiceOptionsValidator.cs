using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class CustomerServiceAttributesValidator : IValidateOptions<CustomerServiceOptions>;

/// <summary>Checks the rules that span the customer-service settings.</summary>
internal sealed class CustomerServiceOptionsValidator : IValidateOptions<CustomerServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerServiceOptions options)
    {
        if (!Uri.TryCreate(options.ApiBase, UriKind.Absolute, out var api) || !api.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'wechat_api_base' must be an absolute http or https URL, such as https://api.weixin.qq.com.");
        }

        if (options.PushesAnswers && string.IsNullOrWhiteSpace(options.AppId))
        {
            return ValidateOptionsResult.Fail($"Setting 'wechat_app_id' is required when 'reply_mode' is {options.ReplyMode}: the access token is issued for the AppID.");
        }

        if (options.PushesAnswers && string.IsNullOrWhiteSpace(options.AppSecret))
        {
            return ValidateOptionsResult.Fail($"Setting 'wechat_app_secret' is required when 'reply_mode' is {options.ReplyMode}: the AppSecret from 微信开发者平台.");
        }

        return ValidateOptionsResult.Success;
    }
}
