using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Memory;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The dashboard as one server-rendered HTML page: charts drawn by the app's own script, and every figure in a table
/// as well, so it reads without JavaScript; in Chinese, on a phone. Follower OpenIDs are masked; the configuration is masked as <c>get_config</c> masks it.
/// </summary>
internal sealed partial class DashboardPage(DashboardData data, IOptions<PriceOptions> prices, IOptions<QuotaOptions> quota)
{
    private static readonly int[] Ranges = [7, 30, 90];

    public async Task<string> RenderAsync(int days, CancellationToken cancellationToken)
    {
        var snapshot = await data.ReadAsync(days, cancellationToken);
        var html = new StringBuilder(Head("管理后台", DashboardCharts.HeadLinks));
        html.Append("<header><h1>公众号助手 · 管理后台</h1><nav>")
            .AppendJoin(' ', Ranges.Select(range => $"<a href=\"?days={range}\"{(range == days ? " aria-current=\"page\"" : "")}>{range} 天</a>"))
            .Append("</nav></header>")
            .Append(DashboardCharts.Markup(snapshot, prices.Value));
        AppendDaily(html, snapshot, days);
        AppendRefusals(html, snapshot);
        DashboardTools.Append(html, snapshot);
        DashboardPictures.Append(html, snapshot, prices.Value);
        DashboardTimes.Append(html, snapshot.Total, quota.Value.TimeZone);
        AppendSpenders(html, snapshot, days);
        AppendList(html, "白名单", snapshot.WhiteList);
        AppendList(html, "已禁用", snapshot.Blocked);
        AppendMemory(html, snapshot.Memory);
        AppendAudit(html, snapshot);
        html.Append("<section><h2>生效的配置</h2><pre>").Append(Encode(string.Join('\n', snapshot.Configuration))).Append("</pre></section>");
        return html.Append("</body></html>").ToString();
    }

    /// <summary>A page that says one thing, such as why a link was refused.</summary>
    public static string Notice(string text) => Head("管理后台") + $"<main><h1>管理后台</h1><p>{Encode(text)}</p></main></body></html>";

    /// <summary>The page a valid link lands on: it moves on to the dashboard itself, now with the session cookie.</summary>
    public static string Entering(string path) =>
        Head("管理后台", $"<meta http-equiv=\"refresh\" content=\"0;url={Encode(path)}\">")
        + $"<main><h1>管理后台</h1><p>已登录，正在打开……</p><p><a href=\"{Encode(path)}\">如果没有自动打开，请点这里</a></p></main></body></html>";

    private void AppendDaily(StringBuilder html, DashboardSnapshot snapshot, int days)
    {
        var total = snapshot.Total;
        html.Append(Invariant($"<section><h2>每日概况（近 {days} 天）</h2><p class=\"muted\">共 {total.Messages} 条消息，{total.Answered} 个回答，{total.Tokens} token"))
            .Append(prices.Value.IsSet ? Invariant($"，估算花费 {Cost(total)} {Encode(prices.Value.Currency)}") : "")
            .Append("</p><div class=\"scroll\"><table id=\"daily\"><thead><tr><th>日期</th><th>消息</th><th>回答</th><th>活跃粉丝</th><th>prompt token</th><th>completion token</th><th>嵌入 token</th>")
            .Append(prices.Value.IsSet ? "<th>估算花费</th>" : "")
            .Append("<th>关键词回复</th><th>模型错误</th></tr></thead><tbody>");
        foreach (var (day, figures) in snapshot.Days.Reverse())
        {
            html.Append(Invariant($"<tr><td>{DashboardCharts.Day(day)}</td><td>{figures.Messages}</td><td>{figures.Answered}</td><td>{figures.ActiveFollowers}</td><td>{figures.PromptTokens}</td><td>{figures.CompletionTokens}</td><td>{figures.EmbeddingTokens}</td>"))
                .Append(prices.Value.IsSet ? $"<td>{Cost(figures)}</td>" : "")
                .Append(Invariant($"<td>{figures.KeywordReplies}</td><td>{figures.ModelErrors}</td></tr>"));
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void AppendRefusals(StringBuilder html, DashboardSnapshot snapshot)
    {
        var total = snapshot.Total;
        html.Append("<section><h2>拒绝原因</h2><div class=\"scroll\"><table id=\"refusals\"><thead><tr><th>原因</th><th>次数</th></tr></thead><tbody>")
            .Append(Invariant($"<tr><td>超出粉丝的每日次数或 token 额度</td><td>{total.OverQuota - total.GlobalCapped}</td></tr>"))
            .Append(Invariant($"<tr><td>全局 token 预算已用完</td><td>{total.GlobalCapped}</td></tr>"))
            .Append(Invariant($"<tr><td>提问太快（限速）</td><td>{total.RateLimited}</td></tr>"))
            .Append(Invariant($"<tr><td>问题未通过审核</td><td>{total.BlockedQuestions}</td></tr>"))
            .Append(Invariant($"<tr><td>回答未通过审核</td><td>{total.BlockedAnswers}</td></tr>"))
            .Append("</tbody></table></div></section>");
        html.Append("<section><h2>回答的第一页在哪次送达</h2><div class=\"scroll\"><table id=\"delivery\"><thead><tr><th>送达于</th><th>回答数</th></tr></thead><tbody>")
            .Append(Invariant($"<tr><td>微信第 1 次请求</td><td>{total.FirstPageOnFirstAttempt}</td></tr>"))
            .Append(Invariant($"<tr><td>第 2 次请求（重试）</td><td>{total.FirstPageOnSecondAttempt}</td></tr>"))
            .Append(Invariant($"<tr><td>第 3 次请求（最后一次重试）</td><td>{total.FirstPageOnThirdAttempt}</td></tr>"))
            .Append(Invariant($"<tr><td>粉丝回复「继续」后</td><td>{total.FirstPageOnContinue}</td></tr>"))
            .Append("</tbody></table></div><p class=\"muted\">客服消息模式下推送的回答不在此列。</p></section>");
    }

    private void AppendSpenders(StringBuilder html, DashboardSnapshot snapshot, int days)
    {
        html.Append(Invariant($"<section><h2>用量最多的粉丝（近 {days} 天）</h2>"));
        if (days > DashboardData.ExactSpenderDays)
        {
            html.Append(Invariant($"<p class=\"muted\">{DashboardData.ExactSpenderDays} 天以前的日子，每天只保留当天用量最多的 {ISpenderRollUpStore.FollowersPerDay} 位。</p>"));
        }

        if (snapshot.TopSpenders.Count == 0)
        {
            html.Append("<p class=\"muted\">暂无数据。</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table id=\"spenders\"><thead><tr><th>粉丝</th><th>prompt token</th><th>completion token</th>")
            .Append(prices.Value.IsSet ? "<th>估算花费</th>" : "").Append("</tr></thead><tbody>");
        foreach (var spend in snapshot.TopSpenders)
        {
            html.Append(Invariant($"<tr><td>{Encode(spend.FollowerId)}</td><td>{spend.PromptTokens}</td><td>{spend.CompletionTokens}</td>"))
                .Append(prices.Value.IsSet ? $"<td>{SpendEstimate.Text(prices.Value.CostOf(spend.PromptTokens, spend.CompletionTokens))}</td>" : "")
                .Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void AppendList(StringBuilder html, string title, IReadOnlyList<string> followers) =>
        html.Append(Invariant($"<section><h2>{title}（{followers.Count} 人）</h2>"))
            .Append(followers.Count == 0 ? "<p class=\"muted\">无。</p>" : "<p>" + string.Join("、", followers.Select(follower => Encode(MaskedFollower.Of(follower)))) + "</p>")
            .Append("</section>");

    /// <summary>Counts only: what followers asked to be remembered is theirs.</summary>
    private static void AppendMemory(StringBuilder html, MemoryCensus? census) =>
        html.Append("<section><h2>记忆（remember 工具）</h2><p id=\"memory\">")
            .Append(census is null
                ? "清理任务还没有统计过。"
                : Invariant($"{census.Followers} 位粉丝共有 {census.Facts} 条记忆（{AdminTexts.BeijingTime(census.TakenAt, "MM-dd HH:mm")} 清理任务统计，北京时间）。"))
            .Append("</p></section>");

    private static void AppendAudit(StringBuilder html, DashboardSnapshot snapshot)
    {
        html.Append(Invariant($"<section><h2>最近 {snapshot.Audit.Count} 条管理操作（北京时间）</h2><div class=\"scroll\"><table id=\"audit\"><thead><tr><th>时间</th><th>管理员</th><th>命令</th><th>参数</th><th>结果</th></tr></thead><tbody>"));
        foreach (var entry in snapshot.Audit)
        {
            html.Append(Invariant($"<tr><td>{AdminTexts.BeijingTime(entry.At, "MM-dd HH:mm")}</td><td>{Encode(MaskedFollower.Of(entry.SenderId))}</td><td>{Encode(entry.Command)}</td><td>{Encode(OpenIds().Replace(entry.Arguments, found => MaskedFollower.Of(found.Value)))}</td><td>{Encode(entry.Result)}</td></tr>"));
        }

        html.Append("</tbody></table></div></section>");
    }

    private string Cost(DailyStatistics figures) => SpendEstimate.Text(SpendEstimate.Of(figures, prices.Value));

    private static string Head(string title, string extra = "") =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">{extra}"
        + $"<title>{title}</title><link rel=\"stylesheet\" href=\"{DashboardFunction.Path}/dashboard.css\"></head><body>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>WeChat OpenIDs: 28 characters starting with <c>o</c>, as they appear in the audit's arguments.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])")]
    private static partial System.Text.RegularExpressions.Regex OpenIds();
}
