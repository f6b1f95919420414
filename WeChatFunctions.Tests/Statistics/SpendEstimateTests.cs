using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>
/// The spend estimate and top spenders in <c>get_stat</c>, from the statistics of the days since the usage moved to
/// the follower table and the usage rows of the days before, on storage of its own so the figures are this test's alone.
/// </summary>
public sealed class SpendEstimateTests : IAsyncLifetime
{
    private const decimal PromptPer1K = 0.15m;
    private const decimal CompletionPer1K = 0.6m;

    /// <summary>Where versions before the follower table kept each follower's usage, a row per day.</summary>
    private const string LegacyUsageTable = "WeChatUsage";

    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GetStatEstimatesTodaysAndTheWeeksSpendAndRanksTheFiveFollowersWhoSpentMost()
    {
        var weChat = _fixture.StartApplication(WithPrices).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);
        // Six followers, each asking a longer question than the last, so each spends more.
        var followers = Enumerable.Range(1, 6).Select(length => (Id: WeChatClient.NewFollowerId(), Question: $"问题{length}：" + string.Concat(Enumerable.Repeat("花费多少", length * 5)))).ToList();

        foreach (var (id, question) in followers)
        {
            await weChat.AskAsync(id, question);
        }

        var statistics = await admin.StatisticsShowingAsync("回答 6，");

        var costs = followers.Select(follower => (follower.Id, Spent: Spent(follower.Question))).OrderByDescending(follower => follower.Spent.Cost).ToList();
        var total = Money(costs.Sum(follower => follower.Spent.Cost));
        Assert.Contains($"估算花费（CNY）：今天 {total}，近7天 {total}，累计 {total}", statistics, StringComparison.Ordinal);
        var ranking = statistics[statistics.IndexOf("近7天花费最多的 5 位：\n", StringComparison.Ordinal)..].Split('\n');
        Assert.Equal(6, ranking.Length);
        for (var rank = 0; rank < 5; rank++)
        {
            Assert.Equal(Ranked(rank + 1, costs[rank].Id, costs[rank].Spent), ranking[rank + 1]);
        }

        Assert.DoesNotContain(costs[5].Id, statistics, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(statistics), 1, 2048);
    }

    [Fact]
    public async Task AFollowerAnsweredOnTwoInstancesIsRankedWithTheTokensOfBoth()
    {
        var (first, second) = (_fixture.StartApplication(WithPrices).CreateWeChatClient(), _fixture.StartApplication(WithPrices).CreateWeChatClient());
        var (both, one) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());

        await first.AskAsync(both, "第一个实例上的问题");
        await second.AskAsync(both, "第二个实例上的问题");
        await second.AskAsync(one, "只在第二个实例上问的问题，比上面两个都长一点");
        var statistics = await AdminConsole.NewAdmin(first).StatisticsShowingAsync("回答 3，");

        var (bothSpent, oneSpent) = (Spent("第一个实例上的问题") + Spent("第二个实例上的问题"), Spent("只在第二个实例上问的问题，比上面两个都长一点"));
        Assert.EndsWith(string.Join('\n', "近7天花费最多的 2 位：", Ranked(1, both, bothSpent), Ranked(2, one, oneSpent)), statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayBeforeTheUsageMovedIsRankedFromItsUsageRowsAndADayFromItFromTheStatistics()
    {
        var switchDay = DaysAgo(1);
        var weChat = _fixture.StartApplication(WithPrices, services => services.AddSingleton<IUsageLayout>(new UsageLayoutFrom(switchDay))).CreateWeChatClient();
        var (legacy, recorded, asked) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        // Before the switch the usage rows count and the statistics do not; from it the other way round.
        await SaveLegacyUsageAsync(legacy, DaysAgo(3), 5_000, 500);
        await SaveLegacyUsageAsync(recorded, DaysAgo(0), 90_000, 9_000);
        var statisticsStore = _fixture.StartApplication().Services.GetRequiredService<IStatisticsStore>();
        await statisticsStore.SaveTotalsAsync(DaysAgo(3), "writer-before", new DailyStatistics(FollowerTokens: FollowerTokens.One(recorded, 90_000, 9_000)), null, CancellationToken.None);

        await weChat.AskAsync(asked, "换表之后的问题");
        var statistics = await AdminConsole.NewAdmin(weChat).StatisticsShowingAsync("回答 1，");

        Assert.EndsWith(string.Join('\n', "近7天花费最多的 2 位：", Ranked(1, legacy, new Spend(5_000, 500)), Ranked(2, asked, Spent("换表之后的问题"))), statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPricesGetStatShowsNoEstimateButTheDefaultAccountBudget()
    {
        var admin = AdminConsole.NewAdmin(_fixture.WeChat);

        var statistics = await admin.RunAsync("get_stat");

        Assert.DoesNotContain("估算花费", statistics, StringComparison.Ordinal);
        Assert.Matches(@"全局 token 额度：今天已用 \d+ / 1000000", statistics);
    }

    private static void WithPrices(Dictionary<string, string?> settings)
    {
        settings["price_per_1k_prompt_tokens"] = PromptPer1K.ToString(CultureInfo.InvariantCulture);
        settings["price_per_1k_completion_tokens"] = CompletionPer1K.ToString(CultureInfo.InvariantCulture);
        settings["price_currency"] = "CNY";
    }

    /// <summary>The tokens the fake model reported for the one answer to <paramref name="question"/>, and their cost.</summary>
    private Spend Spent(string question)
    {
        var request = Assert.Single(_fixture.Model.Requests, asked => asked.LastUserMessage == question);
        return new Spend(request.PromptTokens, request.CompletionTokens("回答：" + question));
    }

    /// <summary>A day's usage row as versions before the follower table kept it in the <c>WeChatUsage</c> table.</summary>
    private async Task SaveLegacyUsageAsync(string follower, string day, long promptTokens, long completionTokens)
    {
        var table = new TableServiceClient(_fixture.Storage.ConnectionString).GetTableClient(LegacyUsageTable);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(follower, day) { ["Questions"] = 1, ["PromptTokens"] = promptTokens, ["CompletionTokens"] = completionTokens });
    }

    /// <summary>A line of the ranking: 「1. {OpenID} {cost}（token {prompt}+{completion}）」.</summary>
    private static string Ranked(int rank, string follower, Spend spend) => $"{rank}. {follower} {Money(spend.Cost)}（token {spend.Prompt}+{spend.Completion}）";

    private static string Money(decimal amount) => amount.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-days).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private sealed record Spend(long Prompt, long Completion)
    {
        public decimal Cost => ((Prompt * PromptPer1K) + (Completion * CompletionPer1K)) / 1000m;

        public static Spend operator +(Spend left, Spend right) => new(left.Prompt + right.Prompt, left.Completion + right.Completion);
    }

    /// <summary>Where the usage moved to the follower table on <paramref name="day"/>, as after an upgrade that day.</summary>
    private sealed class UsageLayoutFrom(string day) : IUsageLayout
    {
        public Task<string> FollowerTableFromAsync(CancellationToken cancellationToken) => Task.FromResult(day);
    }
}
