using System.Globalization;
using System.Net;
using System.Text;

namespace WeChatFunctions.Dashboard;

/// <summary>The dashboard's table of tool calls: per day and tool, how many ran and how many of them failed.</summary>
internal static class DashboardTools
{
    public static void Append(StringBuilder html, DashboardSnapshot snapshot)
    {
        var rows = snapshot.Days.Reverse()
            .SelectMany(day => day.Figures.ToolCalls.Counts.Select(tool => (day.Day, Tool: tool.Key, Calls: tool.Value, Failures: day.Figures.ToolFailures[tool.Key])))
            .ToList();
        html.Append("<section><h2>工具调用</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"muted\">这段时间模型没有调用工具。</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table id=\"tools\"><thead><tr><th>日期</th><th>工具</th><th>调用</th><th>失败</th></tr></thead><tbody>");
        foreach (var (day, tool, calls, failures) in rows)
        {
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{DashboardCharts.Day(day)}</td><td>{WebUtility.HtmlEncode(tool)}</td><td>{calls}</td><td>{failures}</td></tr>"));
        }

        html.Append("</tbody></table></div></section>");
    }
}
