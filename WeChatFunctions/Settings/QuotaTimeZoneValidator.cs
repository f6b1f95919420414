using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Fails start-up when <c>quota_timezone</c> is neither a UTC offset nor a known time zone.</summary>
internal sealed class QuotaTimeZoneValidator : IValidateOptions<QuotaOptions>
{
    public ValidateOptionsResult Validate(string? name, QuotaOptions options) =>
        QuotaTimeZone.TryResolve(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting 'quota_timezone' must be a UTC offset such as +08:00 or a time zone such as Asia/Shanghai, not '{options.TimeZone}'.");
}
