using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class DashboardAttributesValidator : IValidateOptions<DashboardOptions>;

/// <summary>Checks that <c>public_base_url</c>, when set, is where a browser can go, and that <c>trusted_proxies</c> reads as addresses.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (options.PublicBaseUrl is { } url && !url.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'public_base_url' must be an absolute https URL, such as https://wechat.example.com.");
        }

        return AddressRanges.Parse(options.TrustedProxies, out var bad) is null
            ? ValidateOptionsResult.Fail($"Setting 'trusted_proxies' must list IP addresses or CIDR ranges, such as 10.0.0.4,172.16.0.0/12; '{bad}' is neither.")
            : ValidateOptionsResult.Success;
    }
}
