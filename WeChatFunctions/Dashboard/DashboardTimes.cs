using System.Globalization;
using System.Text;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>The page's sections on time: the hours of the day the messages come in, and how long the model takes.</summary>
internal static class DashboardTimes
{
    public const int HoursOfTheDay = 24;

    private static readonly (string Label, double Quantile)[] Percentiles = [("P50", 0.5), ("P90", 0.9), ("P99", 0.99)];

    public static void Append(StringBuilder html, DailyStatistics total, string timeZone)
    {
        AppendHours(html, total.MessagesByHour, timeZone);
        AppendLatency(html, total);
    }

    private static void AppendHours(StringBuilder html, BucketCounts messages, string timeZone)
    {
        var total = messages.Total;
        var busiest = Enumerable.Range(0, HoursOfTheDay).MaxBy(hour => messages[hour]);
        html.Append("<section><h2>繁忙时段</h2>")
            .Append(Invariant($"<p class=\"muted\">每小时收到的消息，按 {WebEncoded(ZoneName(timeZone))} 的时间。"))
            .Append(total == 0 ? "暂无数据。" : Invariant($"最忙的是 {Hours(busiest)}，共 {messages[busiest]} 条，占 {Share(messages[busiest], total)}。"))
            .Append("</p><figure id=\"chart-hours\" class=\"chart\"></figure>")
            .Append("<details><summary>每小时的数字</summary><div class=\"scroll\"><table id=\"hours\"><thead><tr><th>时段</th><th>消息</th><th>占比</th></tr></thead><tbody>");
        for (var hour = 0; hour < HoursOfTheDay; hour++)
        {
            html.Append(Invariant($"<tr><td>{Hours(hour)}</td><td>{messages[hour]}</td><td>{Share(messages[hour], total)}</td></tr>"));
        }

        html.Append("</tbody></table></div></details></section>");
    }

    private static void AppendLatency(StringBuilder html, DailyStatistics total)
    {
        html.Append("<section><h2>模型用时</h2><div class=\"scroll\"><table id=\"latency\"><thead><tr><th>从请求模型到</th><th>回答数</th>")
            .AppendJoin(string.Empty, Percentiles.Select(percentile => $"<th>{percentile.Label}</th>"))
            .Append("</tr></thead><tbody>");
        AppendLatencyRow(html, "收到第一个字", total.FirstTextLatency);
        AppendLatencyRow(html, "回答完整", total.AnswerLatency);
        html.Append("</tbody></table></div><figure id=\"chart-latency\" class=\"chart\"></figure>")
            .Append("<p class=\"muted\">由分桶计数估算，含模型的重试；中断的回答不计。</p></section>");
    }

    private static void AppendLatencyRow(StringBuilder html, string label, BucketCounts buckets) =>
        html.Append(Invariant($"<tr><td>{label}</td><td>{buckets.Total}</td>"))
            .AppendJoin(string.Empty, Percentiles.Select(percentile => $"<td>{ModelLatency.Describe(ModelLatency.Percentile(buckets, percentile.Quantile))}</td>"))
            .Append("</tr>");

    /// <summary><c>quota_timezone</c> as people read it: an offset such as <c>+08:00</c> becomes <c>UTC+08:00</c>; a zone's name stays.</summary>
    private static string ZoneName(string timeZone) => timeZone.StartsWith('+') || timeZone.StartsWith('-') ? "UTC" + timeZone : timeZone;

    private static string Hours(int hour) => Invariant($"{hour:00}:00–{(hour + 1) % HoursOfTheDay:00}:00");

    private static string Share(long count, long total) => total == 0 ? "—" : Invariant($"{100.0 * count / total:0.0}%");

    private static string WebEncoded(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
