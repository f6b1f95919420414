using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Limits;

/// <summary>The quota day a moment falls in, in the time zone of <c>quota_timezone</c>.</summary>
internal sealed class QuotaDays(IOptions<QuotaOptions> options)
{
    private readonly TimeZoneInfo _zone = QuotaTimeZone.TryResolve(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The day as <c>yyyyMMdd</c>, which sorts in time order as a row key.</summary>
    public string DayOf(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, _zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The hour of the day, 0 to 23, that <paramref name="moment"/> falls in.</summary>
    public int HourOf(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, _zone).Hour;

    /// <summary>The moment as the admins' clock shows it.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, _zone);

    /// <summary>When the day that <paramref name="moment"/> falls in ends, and the counts start again.</summary>
    public DateTimeOffset NextReset(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, _zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
    }
}
