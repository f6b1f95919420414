using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>The followers' tokens in a statistics row, on Azurite, which refuses a string property over 32K characters as the service does.</summary>
public sealed class StatisticsRowTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task FollowersWhoseIdsWouldOverflowTheRowAreLeftOutFromTheBottomRatherThanTheWriteFailing()
    {
        var store = fixture.StartApplication().Services.GetRequiredService<IStatisticsStore>();
        // Far longer than WeChat's 28-character OpenIDs: 200 of them take about twice what a property holds.
        var followers = Enumerable.Range(1, ISpenderRollUpStore.FollowersPerDay)
            .Select(rank => new FollowerSpend(new string('o', 300) + rank.ToString("000", CultureInfo.InvariantCulture), 1_000 - rank, 0))
            .ToList();

        await store.SaveTotalsAsync("20200101", "writer-long-ids", new DailyStatistics(Answered: followers.Count, FollowerTokens: FollowerTokens.Of(followers)), null, CancellationToken.None);

        var kept = await store.ReadFollowerTokensAsync("20200101", "20200101", CancellationToken.None);
        Assert.InRange(kept.Count, 90, 110);
        Assert.Equal(followers.Take(kept.Count), FollowerSpend.MostTokens(kept.Spends, followers.Count));
        Assert.Equal(followers.Count, (await store.ReadAllAsync(CancellationToken.None))["20200101"].Answered);
    }
}
