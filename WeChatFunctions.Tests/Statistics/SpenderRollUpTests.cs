using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>
/// The cleanup rolls each finished day's top followers up from their usage rows, masked, before those expire, and the
/// dashboard ranks 30 and 90 days from the roll-ups and the last 7 days' usage. Its own Azurite.
/// </summary>
public sealed class SpenderRollUpTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task FinishedDaysAreRolledUpOnceMaskedAndCappedAndTheThirtyDayRankingAddsThemToTheLastWeeksUsage()
    {
        var application = Fixture.StartApplication();
        var usage = application.Services.GetRequiredService<IUsageStore>();
        var heavy = WeChatClient.NewFollowerId();
        await SpendAsync(usage, heavy, DaysAgo(7), 9_000, 1_000);
        await SpendAsync(usage, Follower, DaysAgo(5), 3_000, 500);
        await SpendAsync(usage, Follower, DaysAgo(0), 100, 10);
        var crowd = Enumerable.Range(1, ISpenderRollUpStore.FollowersPerDay + 10).Select(tokens => (Follower: WeChatClient.NewFollowerId(), Tokens: tokens)).ToList();
        await Parallel.ForEachAsync(crowd, async (member, _) => await SpendAsync(usage, member.Follower, DaysAgo(6), member.Tokens, 0));
        var statistics = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatStatistics");
        await statistics.CreateIfNotExistsAsync();
        await statistics.AddEntityAsync(new TableEntity("spenders", DaysAgo(100)) { ["Top"] = "[]" });

        var cleanup = application.Services.GetRequiredService<ExpiredDataCleanup>();
        await cleanup.RunAsync(CancellationToken.None);
        await cleanup.RunAsync(CancellationToken.None);

        var rollUps = application.Services.GetRequiredService<ISpenderRollUpStore>();
        var rows = await statistics.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"spenders"}")).ToListAsync();
        Assert.Equal([DaysAgo(7), DaysAgo(6), DaysAgo(5), DaysAgo(4)], rows.Select(row => row.RowKey));
        Assert.All(rows, row => Assert.DoesNotMatch("o[A-Za-z0-9_-]{27}", row.GetString("Top")));
        Assert.Equal(
            [new FollowerSpend(MaskedFollower.Of(heavy), 9_000, 1_000), new FollowerSpend(MaskedFollower.Of(Follower), 3_000, 500)],
            (await rollUps.ReadAsync(DaysAgo(7), DaysAgo(4), CancellationToken.None)).Where(spend => spend.PromptTokens > 1_000).OrderByDescending(spend => spend.PromptTokens));
        var crowdsDay = await rollUps.ReadAsync(DaysAgo(6), DaysAgo(6), CancellationToken.None);
        Assert.Equal(ISpenderRollUpStore.FollowersPerDay, crowdsDay.Count);
        Assert.Equal(11, crowdsDay.Min(spend => spend.PromptTokens));

        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        var browser = new DashboardBrowser(application, "127.0.2.12");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));
        var week = DashboardBrowser.Rows(await (await browser.OpenAsync()).Content.ReadAsStringAsync(), "spenders");
        var month = DashboardBrowser.Rows(await (await browser.OpenAsync("/api/dashboard?days=30")).Content.ReadAsStringAsync(), "spenders");

        Assert.StartsWith($"<tr><td>{MaskedFollower.Of(Follower)}</td><td>3100</td><td>510</td></tr>", week, StringComparison.Ordinal);
        Assert.DoesNotContain(MaskedFollower.Of(heavy), week, StringComparison.Ordinal);
        Assert.StartsWith($"<tr><td>{MaskedFollower.Of(heavy)}</td><td>9000</td><td>1000</td></tr><tr><td>{MaskedFollower.Of(Follower)}</td><td>3100</td><td>510</td></tr>", month, StringComparison.Ordinal);
    }

    private static async Task SpendAsync(IUsageStore usage, string follower, string day, long promptTokens, long completionTokens) =>
        Assert.True(await usage.TryChangeAsync(
            follower, day, current => current with { Questions = 1, PromptTokens = promptTokens, CompletionTokens = completionTokens }, followsOwnWrite: false, CancellationToken.None));

    private static string DaysAgo(int days) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-days).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
