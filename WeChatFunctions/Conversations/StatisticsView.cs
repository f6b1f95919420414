using System.Globalization;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>The reply to <c>get_stat</c>: today, yesterday, the last 7 days and the totals, compactly, in Chinese.</summary>
internal sealed class StatisticsView(IStatisticsStore store, QuotaDays days, TimeProvider timeProvider)
{
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var recorded = await store.ReadAllAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var today = days.DayOf(now);
        var yesterday = days.DayOf(now.AddDays(-1));
        var weekStart = days.DayOf(now.AddDays(-6));
        DailyStatistics Sum(Func<string, bool> include) =>
            recorded.Where(day => include(day.Key)).Select(day => day.Value).Aggregate(DailyStatistics.Zero, DailyStatistics.Add);

        return string.Join('\n',
            "统计（按额度时区的自然日）",
            Line("今天", recorded.GetValueOrDefault(today, DailyStatistics.Zero), "人"),
            Line("昨天", recorded.GetValueOrDefault(yesterday, DailyStatistics.Zero), "人"),
            Line("近7天", Sum(day => string.CompareOrdinal(day, weekStart) >= 0), "人天"),
            Line("累计", Sum(_ => true), "人天"));
    }

    private static string Line(string label, DailyStatistics figures, string activeUnit) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}：消息 {figures.Messages}，回答 {figures.Answered}，活跃 {figures.ActiveFollowers} {activeUnit}，token {figures.PromptTokens}+{figures.CompletionTokens}，模型错误 {figures.ModelErrors}，超额 {figures.OverQuota}，新关注 {figures.Subscriptions}");
}
