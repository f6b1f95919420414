using System.Globalization;
using System.Text.Json.Nodes;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The charts' places on the page and their figures, as a JSON block that no browser runs: dashboard.js draws them
/// with uPlot. Without JavaScript the tables below still hold every number.
/// </summary>
internal static class DashboardCharts
{
    /// <summary>The stylesheet and scripts the charts need, all served by the app.</summary>
    public const string HeadLinks =
        $"<link rel=\"stylesheet\" href=\"{DashboardFunction.Path}/uPlot.min.css\">"
        + $"<script src=\"{DashboardFunction.Path}/uPlot.iife.min.js\" defer></script>"
        + $"<script src=\"{DashboardFunction.Path}/dashboard.js\" defer></script>";

    public static string Markup(DashboardSnapshot snapshot, PriceOptions prices)
    {
        var days = snapshot.Days;
        var figures = new JsonObject
        {
            ["labels"] = Array(days.Select(day => (JsonNode)Day(day.Day))),
            ["messages"] = Array(days.Select(day => (JsonNode)day.Figures.Messages)),
            ["answers"] = Array(days.Select(day => (JsonNode)day.Figures.Answered)),
            ["promptTokens"] = Array(days.Select(day => (JsonNode)day.Figures.PromptTokens)),
            ["completionTokens"] = Array(days.Select(day => (JsonNode)day.Figures.CompletionTokens)),
            ["embeddingTokens"] = Array(days.Select(day => (JsonNode)day.Figures.EmbeddingTokens)),
            ["spend"] = prices.IsSet
                ? Array(days.Select(day => (JsonNode)decimal.Round(SpendEstimate.Of(day.Figures, prices), 4)))
                : null,
            ["currency"] = prices.Currency,
            ["hours"] = Array(Enumerable.Range(0, DashboardTimes.HoursOfTheDay).Select(hour => (JsonNode)snapshot.Total.MessagesByHour[hour])),
            ["answerP50"] = Array(days.Select(day => Seconds(day.Figures.AnswerLatency, 0.5))),
            ["answerP90"] = Array(days.Select(day => Seconds(day.Figures.AnswerLatency, 0.9))),
        };
        // The serializer escapes < and >, so nothing in the figures can close the script element.
        return "<section><h2>趋势</h2><figure id=\"chart-activity\" class=\"chart\"></figure><figure id=\"chart-tokens\" class=\"chart\"></figure>"
            + (prices.IsSet ? "<figure id=\"chart-spend\" class=\"chart\"></figure>" : "")
            + "<noscript><p class=\"muted\">图表需要 JavaScript；下面的表格里有全部数字。</p></noscript></section>"
            + $"<script type=\"application/json\" id=\"dashboard-data\">{figures.ToJsonString()}</script>";
    }

    /// <summary>A <c>yyyyMMdd</c> day as the page shows it: <c>MM-dd</c>.</summary>
    public static string Day(string day) => string.Create(CultureInfo.InvariantCulture, $"{day[4..6]}-{day[6..]}");

    private static JsonArray Array(IEnumerable<JsonNode?> values) => new([.. values]);

    /// <summary>A day's percentile in seconds, or null for a day without answers, which the chart leaves as a gap.</summary>
    private static JsonNode? Seconds(BucketCounts latency, double quantile) =>
        ModelLatency.Percentile(latency, quantile) is { } duration ? Math.Round(duration.TotalSeconds, 2) : null;
}
