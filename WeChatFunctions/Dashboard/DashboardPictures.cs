using System.Globalization;
using System.Text;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>The dashboard's table of pictures (<c>/画</c> and the <c>draw</c> tool): per day, how many were drawn, how many failed, and what they cost.</summary>
internal static class DashboardPictures
{
    public static void Append(StringBuilder html, DashboardSnapshot snapshot, PriceOptions prices)
    {
        var days = snapshot.Days.Reverse().Where(day => day.Figures.Pictures + day.Figures.PictureFailures > 0).ToList();
        html.Append("<section><h2>画图</h2>");
        if (days.Count == 0)
        {
            html.Append("<p class=\"muted\">这段时间没有画图。</p></section>");
            return;
        }

        var priced = prices.PerImage > 0;
        html.Append(Invariant($"<p class=\"muted\">共 {snapshot.Total.Pictures} 张，失败 {snapshot.Total.PictureFailures} 次"))
            .Append(priced ? Invariant($"，估算花费 {SpendEstimate.Text(snapshot.Total.Pictures * prices.PerImage)} {System.Net.WebUtility.HtmlEncode(prices.Currency)}") : "")
            .Append("</p><div class=\"scroll\"><table id=\"pictures\"><thead><tr><th>日期</th><th>画图</th><th>失败</th>")
            .Append(priced ? "<th>估算花费</th>" : "")
            .Append("</tr></thead><tbody>");
        foreach (var (day, figures) in days)
        {
            html.Append(Invariant($"<tr><td>{DashboardCharts.Day(day)}</td><td>{figures.Pictures}</td><td>{figures.PictureFailures}</td>"))
                .Append(priced ? $"<td>{SpendEstimate.Text(figures.Pictures * prices.PerImage)}</td>" : "")
                .Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
