using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Dashboard;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// The dashboard at a busy account's scale: 90 days of statistics written by several instances, each instance's
/// tokens of <c>followersPerDay</c> followers a day in the last 8 days' (the days whose OpenIDs the cleanup keeps), and
/// roll-ups of as many for the 82 days before. It times the cleanup run that rolls up the 4 finished days still to do,
/// and the page for each range.
/// </summary>
internal static class DashboardLoadRun
{
    private const int Instances = 4;

    private const int Requests = 20;

    private static readonly int[] Ranges = [7, 30, 90];

    public static async Task<int> RunAsync(int followersPerDay)
    {
        await using var storage = await AzuriteServer.StartAsync();
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        (settings["Logging:LogLevel:Default"], settings["price_per_1k_prompt_tokens"]) = ("Warning", "0.002");
        await using var app = new WeChatApplication(settings);
        var days = app.Services.GetRequiredService<QuotaDays>();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(20261130);
        var followers = Enumerable.Range(0, followersPerDay * 3).Select(_ => WeChatClient.NewFollowerId()).ToArray();

        var seeding = Stopwatch.GetTimestamp();
        await SeedStatisticsAsync(app.Services.GetRequiredService<IStatisticsStore>(), days, now, back => back <= DashboardData.ExactSpenderDays ? Spenders(followers, followersPerDay, random) : FollowerTokens.None, random);
        var rollUps = app.Services.GetRequiredService<TableSpenderRollUpStore>();
        for (var back = DashboardData.ExactSpenderDays + 1; back < 90; back++)
        {
            await rollUps.SaveAsync(days.DayOf(now.AddDays(-back)), Spenders(followers, followersPerDay, random).Spends, CancellationToken.None);
        }

        Console.WriteLine(Invariant($"dashboard: seeded 90 days × {Instances} instances of statistics, with {followersPerDay} followers' tokens each for the last 8 days, and 82 days of roll-ups in {Stopwatch.GetElapsedTime(seeding).TotalSeconds:0.0} s"));

        var cleaning = Stopwatch.GetTimestamp();
        var report = await app.Services.GetRequiredService<ExpiredDataCleanup>().RunAsync(CancellationToken.None);
        Console.WriteLine(Invariant($"  cleanup run that rolls up 4 days of {followersPerDay} followers each: {Stopwatch.GetElapsedTime(cleaning).TotalMilliseconds:0} ms ({report.Deleted.GetValueOrDefault(ExpiredData.SpenderRollUps)} roll-ups written)"));

        var admin = AdminConsole.NewAdmin(app.CreateWeChatClient());
        var browser = new DashboardBrowser(app, "127.0.2.20");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));
        foreach (var range in Ranges)
        {
            var latencies = new List<double>();
            var bytes = 0;
            for (var request = 0; request < Requests; request++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await browser.OpenAsync(Invariant($"/api/dashboard?days={range}"));
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }

            latencies.Sort();
            Console.WriteLine(Invariant($"  {range}-day page: {bytes / 1024.0:0.0} KB, p50 {latencies[Requests / 2]:0} ms, max {latencies[^1]:0} ms over {Requests} requests"));
        }

        return 0;
    }

    /// <summary>Each instance's running totals for each day, with every hour and latency bucket counted, and the followers' tokens of the day <paramref name="spenders"/> gives.</summary>
    private static async Task SeedStatisticsAsync(IStatisticsStore store, QuotaDays days, DateTimeOffset now, Func<int, FollowerTokens> spenders, Random random)
    {
        for (var back = 0; back < 90; back++)
        {
            for (var instance = 0; instance < Instances; instance++)
            {
                var figures = new DailyStatistics(
                    Messages: random.Next(1_000, 5_000),
                    Answered: random.Next(900, 4_500),
                    PromptTokens: random.Next(1_000_000, 5_000_000),
                    CompletionTokens: random.Next(100_000, 500_000),
                    MessagesByHour: BucketCounts.Of(Enumerable.Range(0, 24).Select(_ => (long)random.Next(10, 400))),
                    FirstTextLatency: BucketCounts.Of(Enumerable.Range(0, ModelLatency.BucketCount).Select(_ => (long)random.Next(0, 200))),
                    AnswerLatency: BucketCounts.Of(Enumerable.Range(0, ModelLatency.BucketCount).Select(_ => (long)random.Next(0, 200))),
                    FollowerTokens: spenders(back));
                await store.SaveTotalsAsync(days.DayOf(now.AddDays(-back)), Invariant($"load-{instance}"), figures, null, CancellationToken.None);
            }
        }
    }

    private static FollowerTokens Spenders(string[] followers, int count, Random random) =>
        FollowerTokens.Of(random.GetItems(followers, count).Distinct().Select(follower => new FollowerSpend(follower, random.Next(1_000, 50_000), random.Next(100, 5_000))));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
