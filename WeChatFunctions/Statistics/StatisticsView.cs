using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Limits;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Statistics;

/// <summary>
/// The reply to <c>get_stat</c>: today, yesterday, the last 7 days and the totals, the account's token budget, and,
/// with prices set, the estimated spend and the followers who spent most, compactly, in Chinese.
/// </summary>
internal sealed class StatisticsView(
    IStatisticsStore store, StatisticsTally tally, SpendHistory spendHistory, IAccountBudgetStore accountBudget, QuotaDays days, TimeProvider timeProvider, IOptions<QuotaOptions> quota, IOptions<PriceOptions> prices)
{
    public const int TopSpenders = 5;

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        await tally.FlushAsync(cancellationToken); // this instance's own figures, up to this moment
        var recorded = await store.ReadAllAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var today = days.DayOf(now);
        var yesterday = days.DayOf(now.AddDays(-1));
        var weekStart = days.DayOf(now.AddDays(-6));
        DailyStatistics Sum(Func<string, bool> include) =>
            recorded.Where(day => include(day.Key)).Select(day => day.Value).Aggregate(DailyStatistics.Zero, DailyStatistics.Add);

        var todays = recorded.GetValueOrDefault(today, DailyStatistics.Zero);
        var week = Sum(day => string.CompareOrdinal(day, weekStart) >= 0);
        var total = Sum(_ => true);
        var lines = new List<string>
        {
            "统计（按额度时区的自然日）",
            Line("今天", todays, "人"),
            Line("昨天", recorded.GetValueOrDefault(yesterday, DailyStatistics.Zero), "人"),
            Line("近7天", week, "人天"),
            Line("累计", total, "人天"),
        };

        if (week.AnswerLatency.Total > 0)
        {
            lines.Add($"模型用时（近7天）：第一个字 P50 {Percentile(week.FirstTextLatency, 0.5)}，回答完整 P50 {Percentile(week.AnswerLatency, 0.5)}、P90 {Percentile(week.AnswerLatency, 0.9)}");
        }

        if (week.VoiceReplies.Counts.Any())
        {
            lines.Add(VoiceReplies(week.VoiceReplies));
        }

        if (quota.Value.GlobalDailyTokenLimit is > 0 and var budget)
        {
            // A question is refused once the budget no instance has leased yet cannot cover what it reserves.
            var leased = await accountBudget.LeasedAsync(today, cancellationToken);
            lines.Add(Invariant($"全局 token 额度：今天已用 {todays.Tokens} / {budget}，已分给各实例 {leased}（含进行中回答的预留）{(todays.Tokens >= budget ? "，已用完" : "")}"));
        }

        if (prices.Value.IsSet)
        {
            lines.Add(Invariant($"估算花费（{prices.Value.Currency}）：今天 {Cost(todays)}，近7天 {Cost(week)}，累计 {Cost(total)}"));
            lines.AddRange(await TopSpendersAsync(weekStart, today, cancellationToken));
        }

        return string.Join('\n', lines);
    }

    private async Task<IEnumerable<string>> TopSpendersAsync(string weekStart, string today, CancellationToken cancellationToken)
    {
        var top = (await spendHistory.ReadAsync(weekStart, today, cancellationToken))
            .Select(spend => (spend, cost: prices.Value.CostOf(spend.PromptTokens, spend.CompletionTokens)))
            .OrderByDescending(entry => entry.cost)
            .ThenBy(entry => entry.spend.FollowerId, StringComparer.Ordinal)
            .Take(TopSpenders)
            .Select((entry, rank) => Invariant($"{rank + 1}. {entry.spend.FollowerId} {SpendEstimate.Text(entry.cost)}（token {entry.spend.PromptTokens}+{entry.spend.CompletionTokens}）"))
            .ToList();
        return top.Count == 0 ? [] : [$"近7天花费最多的 {top.Count} 位：", .. top];
    }

    private static string Percentile(BucketCounts latency, double quantile) => ModelLatency.Describe(ModelLatency.Percentile(latency, quantile));

    private string Cost(DailyStatistics figures) => SpendEstimate.Text(SpendEstimate.Of(figures, prices.Value));

    private static string Line(string label, DailyStatistics figures, string activeUnit) => Invariant(
        $"{label}：消息 {figures.Messages}，回答 {figures.Answered}，活跃 {figures.ActiveFollowers} {activeUnit}，token {figures.PromptTokens}+{figures.CompletionTokens}，模型错误 {figures.ModelErrors}，超额 {figures.OverQuota}，限速 {figures.RateLimited}，拦截 问{figures.BlockedQuestions}/答{figures.BlockedAnswers}，新关注 {figures.Subscriptions}，关键词回复 {figures.KeywordReplies}{(figures.EmbeddingTokens > 0 ? $"，知识库嵌入 token {figures.EmbeddingTokens}" : "")}{Pictures(figures)}{Tools(figures)}{HeardVoices(figures)}");

    /// <summary>Only on days the app transcribed a voice itself, with why some were not heard: 「，语音转文字 5（没听清 1、超时 1）」.</summary>
    private static string HeardVoices(DailyStatistics figures)
    {
        var total = figures.HeardVoices.Counts.Sum(outcome => outcome.Value);
        var failures = figures.HeardVoices.Counts.Where(outcome => outcome.Key != HeardVoiceOutcome.Heard)
            .Select(outcome => Invariant($"{HeardVoiceOutcome.Describe(outcome.Key)} {outcome.Value}")).ToList();
        return total == 0 ? "" : Invariant($"，语音转文字 {total}") + (failures.Count > 0 ? $"（{string.Join("、", failures)}）" : "");
    }

    /// <summary>Only on days a picture was asked for: 「，画图 3（失败 1）」.</summary>
    private static string Pictures(DailyStatistics figures) =>
        figures.Pictures + figures.PictureFailures == 0 ? "" : Invariant($"，画图 {figures.Pictures}") + (figures.PictureFailures > 0 ? Invariant($"（失败 {figures.PictureFailures}）") : "");

    /// <summary>The tools that ran, each with its calls and, when some failed, how many: 「，工具 web_search 3（失败 1）、current_time 2」.</summary>
    private static string Tools(DailyStatistics figures) =>
        figures.ToolCalls.Counts.Any()
            ? "，工具 " + string.Join("、", figures.ToolCalls.Counts.Select(tool => Invariant($"{tool.Key} {tool.Value}") + (figures.ToolFailures[tool.Key] is > 0 and var failed ? Invariant($"（失败 {failed}）") : "")))
            : "";

    /// <summary>「语音回答（近7天）：发出 5，改发文字 3（过长 1、上传被拒 2）」.</summary>
    private static string VoiceReplies(NamedCounts outcomes)
    {
        var asText = outcomes.Counts.Where(outcome => outcome.Key != VoiceReplyOutcome.Spoken).ToList();
        var reasons = string.Join("、", asText.Select(outcome => Invariant($"{VoiceReplyOutcome.Describe(outcome.Key)} {outcome.Value}")));
        return Invariant($"语音回答（近7天）：发出 {outcomes[VoiceReplyOutcome.Spoken]}，改发文字 {asText.Sum(outcome => outcome.Value)}{(asText.Count > 0 ? $"（{reasons}）" : "")}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
