using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>The page shows a seeded week of statistics, the ranges, the lists and the audit, in tables that need no JavaScript.</summary>
public sealed class DashboardPageTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task ASeededWeekShowsDayByDayWithTheRefusalsTheListsTheAuditAndTheMaskedConfiguration()
    {
        var application = Fixture.StartApplication(settings => settings["price_per_1k_prompt_tokens"] = "1");
        var store = application.Services.GetRequiredService<IStatisticsStore>();
        var writer = "seed-" + Guid.NewGuid().ToString("N")[..8];
        for (var back = 1; back <= 6; back++)
        {
            var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-back).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await store.SaveTotalsAsync(day, writer, new DailyStatistics(Messages: 1000 + back, Answered: 900 + back, PromptTokens: 50_000 + back, OverQuota: 7, RateLimited: 3, BlockedQuestions: 2, BlockedAnswers: 1, GlobalCapped: 2, FirstPageOnFirstAttempt: 800, FirstPageOnSecondAttempt: 70, FirstPageOnThirdAttempt: 20, FirstPageOnContinue: 10), null, CancellationToken.None);
        }

        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        await admin.RunAsync("add_white_list", Follower);
        var browser = new DashboardBrowser(application, "127.0.2.10");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));

        var week = await (await browser.OpenAsync()).Content.ReadAsStringAsync();
        var quarter = await (await browser.OpenAsync("/api/dashboard?days=90")).Content.ReadAsStringAsync();

        var threeDaysAgo = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-3).ToString("MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><td>{threeDaysAgo}</td><td>1003</td><td>903</td><td>0</td><td>50003</td><td>0</td><td>0</td><td>50.0030</td>", week, StringComparison.Ordinal);
        Assert.Equal(7, CountOf(DashboardBrowser.Rows(week, "daily"), "<tr><td>"));
        Assert.Equal(90, CountOf(DashboardBrowser.Rows(quarter, "daily"), "<tr><td>"));
        Assert.Contains("<tr><td>超出粉丝的每日次数或 token 额度</td><td>30</td></tr>", week, StringComparison.Ordinal);
        Assert.Contains("<tr><td>全局 token 预算已用完</td><td>12</td></tr>", week, StringComparison.Ordinal);
        Assert.Contains("<tr><td>微信第 1 次请求</td><td>48", DashboardBrowser.Rows(week, "delivery"), StringComparison.Ordinal); // 4800 seeded, and today's
        Assert.Contains("<tr><td>第 2 次请求（重试）</td><td>420</td></tr>", DashboardBrowser.Rows(week, "delivery"), StringComparison.Ordinal);
        Assert.Contains("<tr><td>第 3 次请求（最后一次重试）</td><td>120</td></tr>", DashboardBrowser.Rows(week, "delivery"), StringComparison.Ordinal);
        Assert.Contains("<tr><td>粉丝回复「继续」后</td><td>60</td></tr>", DashboardBrowser.Rows(week, "delivery"), StringComparison.Ordinal);
        Assert.Contains("<tr><td>提问太快（限速）</td><td>18</td></tr>", week, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?days=7\" aria-current=\"page\">7 天</a>", week, StringComparison.Ordinal);
        Assert.Contains("每日概况（近 90 天）", quarter, StringComparison.Ordinal);
        Assert.Contains($"{Follower[..6]}…{Follower[^4..]}", week, StringComparison.Ordinal);
        Assert.DoesNotContain(Follower, week, StringComparison.Ordinal);
        Assert.Contains("<td>add_white_list</td>", week, StringComparison.Ordinal);
        Assert.Contains("chat_gpt_token：sk-…cdef", week, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-0123456789abcdef", week, StringComparison.Ordinal);
        Assert.All(week.Split("<script")[1..], script => Assert.Matches("^( src=\"/api/dashboard/[A-Za-z.]+\" defer>| type=\"application/json\" id=\"dashboard-data\">)", script));
        Assert.Contains("\"messages\":[1006,1005,1004,1003,1002,1001,", week, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBusyHoursAndTheModelsPercentilesOfTheSeededWeekAreShown()
    {
        var application = Fixture.StartApplication();
        var store = application.Services.GetRequiredService<IStatisticsStore>();
        var writer = "seed-" + Guid.NewGuid().ToString("N")[..8];
        for (var back = 1; back <= 6; back++)
        {
            var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-back).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await store.SaveTotalsAsync(day, writer, new DailyStatistics(MessagesByHour: EveningPeak(back), AnswerLatency: MostlyUnderTwoSeconds, FirstTextLatency: BucketCounts.One(1)), null, CancellationToken.None);
        }

        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        var browser = new DashboardBrowser(application, "127.0.2.11");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));
        var week = await (await browser.OpenAsync()).Content.ReadAsStringAsync();

        // 6 days of 100 + back at 20:00 and 1 at 03:00; today's messages, if any, in the hour they came.
        var evening = DashboardBrowser.Rows(week, "hours");
        Assert.Matches("<tr><td>20:00–21:00</td><td>62[1-9]</td><td>9[0-9.]+%</td></tr>", evening);
        Assert.Contains("按 UTC+08:00 的时间。最忙的是 20:00–21:00", week, StringComparison.Ordinal);
        Assert.Equal(24, CountOf(evening, "<tr><td>"));
        // 90 calls in (1.5 s, 2 s] and 10 in (10 s, 15 s] a day: P50 at 300 of 600 is 1.5 + 0.5 × 300/540, P99 at 594 is 10 + 5 × 54/60.
        Assert.Contains("<tr><td>回答完整</td><td>", DashboardBrowser.Rows(week, "latency"), StringComparison.Ordinal);
        Assert.Contains("<td>1.8 秒</td><td>2.0 秒</td><td>14.5 秒</td></tr>", DashboardBrowser.Rows(week, "latency"), StringComparison.Ordinal);
        Assert.Contains("<tr><td>收到第一个字</td>", DashboardBrowser.Rows(week, "latency"), StringComparison.Ordinal);
        Assert.Contains("\"answerP50\":[1.78,1.78,1.78,1.78,1.78,1.78,", week, StringComparison.Ordinal);
    }

    /// <summary>100 + <paramref name="back"/> messages from 20:00 to 21:00, and one at 03:00.</summary>
    private static BucketCounts EveningPeak(int back) =>
        BucketCounts.Of(Enumerable.Range(0, 24).Select(hour => hour switch { 20 => 100L + back, 3 => 1L, _ => 0L }));

    /// <summary>90 answers finished in (1.5 s, 2 s], 10 in (10 s, 15 s].</summary>
    private static BucketCounts MostlyUnderTwoSeconds =>
        BucketCounts.Of(Enumerable.Range(0, ModelLatency.BucketCount).Select(bucket => bucket switch { 3 => 90L, 11 => 10L, _ => 0L }));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
