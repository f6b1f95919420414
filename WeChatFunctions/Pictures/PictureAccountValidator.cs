using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Pictures;

/// <summary>A picture reaches the follower only as media uploaded with the account's access token, which needs the AppID and AppSecret.</summary>
internal sealed class PictureAccountValidator(IOptions<CustomerServiceOptions> account) : IValidateOptions<ImageGenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ImageGenerationOptions options) =>
        options.IsOn && !account.Value.HasCredentials
            ? ValidateOptionsResult.Fail("Setting 'image_generation' is on, but pictures are uploaded to WeChat with the account's access token: set 'wechat_app_id' and 'wechat_app_secret' (sending pictures needs a verified account).")
            : ValidateOptionsResult.Success;
}
