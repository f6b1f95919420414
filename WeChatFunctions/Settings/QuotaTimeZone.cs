using System.Globalization;

namespace WeChatFunctions.Settings;

internal static class QuotaTimeZone
{
    /// <summary>Reads <c>quota_timezone</c>: a UTC offset such as <c>+08:00</c>, or a time zone id; empty means the default.</summary>
    public static bool TryResolve(string value, out TimeZoneInfo zone)
    {
        var text = string.IsNullOrWhiteSpace(value) ? QuotaOptions.DefaultTimeZone : value.Trim();
        if (text[0] is '+' or '-'
            && TimeSpan.TryParse(text[1..], CultureInfo.InvariantCulture, out var offset)
            && offset <= TimeSpan.FromHours(14))
        {
            zone = TimeZoneInfo.CreateCustomTimeZone(text, text[0] == '-' ? -offset : offset, text, text);
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(text, out zone!);
    }
}
