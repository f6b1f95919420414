using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class DashboardAttributesValidator : IValidateOptions<DashboardOptions>;

/// <summary>Checks that <c>public_base_url</c>, when set, is where a browser can go.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options) =>
        options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            ? ValidateOptionsResult.Fail("Setting 'public_base_url' must be an absolute https URL, such as https://wechat.example.com.")
            : ValidateOptionsResult.Success;
}
