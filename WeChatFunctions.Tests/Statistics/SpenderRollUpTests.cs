using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>
/// Each instance's statistics keep its top followers of the day by tokens; the cleanup rolls each finished day's up,
/// masked, and later drops the OpenIDs from the statistics; the dashboard ranks the last 7 days from the statistics
/// and 30 and 90 days with the roll-ups. Each test on storage of its own, since the cleanup rolls a day up once.
/// </summary>
public sealed class SpenderRollUpTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task FinishedDaysAreRolledUpOnceMaskedAndCappedAndTheThirtyDayRankingAddsThemToTheLastWeek()
    {
        var (heavy, follower) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var heavysDay = await AnswerDaysAgoAsync(7, heavy, "一周前的长问题" + new string('长', 600));
        var followersDay = await AnswerDaysAgoAsync(5, follower, "五天前的问题" + new string('五', 100));
        var crowd = Enumerable.Range(1, ISpenderRollUpStore.FollowersPerDay + 10).Select(tokens => new FollowerSpend(WeChatClient.NewFollowerId(), tokens, 0)).ToList();
        var latecomers = Enumerable.Range(ISpenderRollUpStore.FollowersPerDay + 11, 5).Select(tokens => new FollowerSpend(WeChatClient.NewFollowerId(), tokens, 0)).ToList();
        var application = _fixture.StartApplication();
        var statistics = application.Services.GetRequiredService<IStatisticsStore>();
        await statistics.SaveTotalsAsync(DaysAgo(6), "writer-crowd", new DailyStatistics(Answered: crowd.Count, FollowerTokens: FollowerTokens.Of(crowd)), null, CancellationToken.None);
        await statistics.SaveTotalsAsync(DaysAgo(6), "writer-latecomers", new DailyStatistics(Answered: latecomers.Count, FollowerTokens: FollowerTokens.Of(latecomers)), null, CancellationToken.None);
        var table = new TableServiceClient(_fixture.Storage.ConnectionString).GetTableClient("WeChatStatistics");
        await table.AddEntityAsync(new TableEntity("spenders", DaysAgo(100)) { ["Top"] = "[]" });

        var writersTop = await statistics.ReadFollowerTokensAsync(DaysAgo(6), DaysAgo(6), CancellationToken.None);
        var cleanup = application.Services.GetRequiredService<ExpiredDataCleanup>();
        await cleanup.RunAsync(CancellationToken.None);
        await cleanup.RunAsync(CancellationToken.None);

        // Each writer's row keeps its top 200; the day's rows folded into one, and its roll-up, keep the top 200 of them all.
        Assert.Equal(ISpenderRollUpStore.FollowersPerDay + latecomers.Count, writersTop.Count);
        Assert.Equal(ISpenderRollUpStore.FollowersPerDay, (await statistics.ReadFollowerTokensAsync(DaysAgo(6), DaysAgo(6), CancellationToken.None)).Count);
        var rollUps = application.Services.GetRequiredService<ISpenderRollUpStore>();
        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"spenders"}")).ToListAsync();
        Assert.Equal([DaysAgo(7), DaysAgo(6), DaysAgo(5), DaysAgo(4)], rows.Select(row => row.RowKey));
        Assert.All(rows, row => Assert.DoesNotMatch("o[A-Za-z0-9_-]{27}", row.GetString("Top")));
        Assert.Equal(
            [Masked(heavysDay), Masked(followersDay)],
            (await rollUps.ReadAsync(DaysAgo(7), DaysAgo(4), CancellationToken.None)).Where(spend => spend.FollowerId == MaskedFollower.Of(heavy) || spend.FollowerId == MaskedFollower.Of(follower)));
        var crowdsDay = await rollUps.ReadAsync(DaysAgo(6), DaysAgo(6), CancellationToken.None);
        Assert.Equal(ISpenderRollUpStore.FollowersPerDay, crowdsDay.Count);
        Assert.Equal(16, crowdsDay.Min(spend => spend.PromptTokens));

        // Today, on two instances.
        var first = await AnswerTodayAsync(_fixture.WeChat, follower, "今天的问题" + new string('今', 100));
        var second = await AnswerTodayAsync(application.CreateWeChatClient(), follower, "今天在另一个实例的问题" + new string('另', 100));
        await StoredStatistics.TodayWhenAsync(_fixture, figures => figures.Answered == 2);
        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        var browser = new DashboardBrowser(application, "127.0.2.12");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));
        var week = DashboardBrowser.Rows(await (await browser.OpenAsync()).Content.ReadAsStringAsync(), "spenders");
        var month = DashboardBrowser.Rows(await (await browser.OpenAsync("/api/dashboard?days=30")).Content.ReadAsStringAsync(), "spenders");

        var followersWeek = FollowerSpend.SumByFollower([followersDay, first, second]).Single();
        Assert.All([heavysDay, followersDay], spend => Assert.True(spend.Tokens > latecomers[^1].Tokens, $"{spend} spent less than the crowd"));
        Assert.StartsWith(Row(followersWeek), week, StringComparison.Ordinal);
        Assert.DoesNotContain(MaskedFollower.Of(heavy), week, StringComparison.Ordinal);
        Assert.StartsWith(string.Concat(FollowerSpend.MostTokens([heavysDay, followersWeek], 2).Select(Row)), month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAWeekTheStatisticsKeepNoOpenIdButTheDaysFigures()
    {
        var (older, kept) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var application = _fixture.StartApplication();
        var statistics = application.Services.GetRequiredService<IStatisticsStore>();
        await statistics.SaveTotalsAsync(DaysAgo(9), "writer-nine", new DailyStatistics(Answered: 3, PromptTokens: 300, FollowerTokens: FollowerTokens.One(older, 300, 0)), null, CancellationToken.None);
        await statistics.SaveTotalsAsync(DaysAgo(8), "writer-eight", new DailyStatistics(Answered: 2, PromptTokens: 200, FollowerTokens: FollowerTokens.One(kept, 200, 0)), null, CancellationToken.None);

        var cleanup = application.Services.GetRequiredService<ExpiredDataCleanup>();
        var report = await cleanup.RunAsync(CancellationToken.None);
        var again = await cleanup.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Deleted[ExpiredData.StatisticsFollowers]);
        Assert.Equal(0, again.Deleted[ExpiredData.StatisticsFollowers]);
        var table = new TableServiceClient(_fixture.Storage.ConnectionString).GetTableClient("WeChatStatistics");
        var ninthDay = Assert.Single(await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DaysAgo(9)}")).ToListAsync());
        Assert.DoesNotContain(ninthDay, property => property.Value is string text && text.Contains(older, StringComparison.Ordinal));
        Assert.Equal(0, (await statistics.ReadFollowerTokensAsync(DaysAgo(9), DaysAgo(9), CancellationToken.None)).Count);
        Assert.Equal([new FollowerSpend(kept, 200, 0)], (await statistics.ReadFollowerTokensAsync(DaysAgo(8), DaysAgo(8), CancellationToken.None)).Spends);
        var recorded = await statistics.ReadAllAsync(CancellationToken.None);
        Assert.Equal((3, 300), (recorded[DaysAgo(9)].Answered, recorded[DaysAgo(9)].PromptTokens));
    }

    /// <summary>Asks through an instance whose clock is <paramref name="days"/> days back, which then writes its statistics as it does each second.</summary>
    private async Task<FollowerSpend> AnswerDaysAgoAsync(int days, string follower, string question)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-days));
        var application = _fixture.StartApplication(replaceServices: services => services.AddSingleton<TimeProvider>(clock));
        await application.CreateWeChatClient().PushAsync(SignedPush.Text(question).From(follower) with { StampedAt = clock.GetUtcNow() });
        await application.Services.GetRequiredService<StatisticsTally>().FlushAsync(CancellationToken.None);
        return Spent(follower, question);
    }

    private async Task<FollowerSpend> AnswerTodayAsync(WeChatClient weChat, string follower, string question)
    {
        await weChat.AskAsync(follower, question);
        return Spent(follower, question);
    }

    /// <summary>The tokens the fake model reported for the one answer to <paramref name="question"/>.</summary>
    private FollowerSpend Spent(string follower, string question)
    {
        var request = Assert.Single(_fixture.Model.Requests, asked => asked.LastUserMessage == question);
        return new FollowerSpend(follower, request.PromptTokens, request.CompletionTokens("回答：" + question));
    }

    private static FollowerSpend Masked(FollowerSpend spend) => spend with { FollowerId = MaskedFollower.Of(spend.FollowerId) };

    private static string Row(FollowerSpend spend) =>
        string.Create(CultureInfo.InvariantCulture, $"<tr><td>{MaskedFollower.Of(spend.FollowerId)}</td><td>{spend.PromptTokens}</td><td>{spend.CompletionTokens}</td></tr>");

    private static string DaysAgo(int days) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-days).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
