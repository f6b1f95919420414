using System.Globalization;
using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>The spend estimate and top spenders in <c>get_stat</c>, on storage of its own so the figures are this test's alone.</summary>
public sealed class SpendEstimateTests : IAsyncLifetime
{
    private const decimal PromptPer1K = 0.15m;
    private const decimal CompletionPer1K = 0.6m;

    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task GetStatEstimatesTodaysAndTheWeeksSpendAndRanksTheFiveFollowersWhoSpentMost()
    {
        var weChat = _fixture.StartApplication(settings =>
        {
            settings["price_per_1k_prompt_tokens"] = PromptPer1K.ToString(CultureInfo.InvariantCulture);
            settings["price_per_1k_completion_tokens"] = CompletionPer1K.ToString(CultureInfo.InvariantCulture);
            settings["price_currency"] = "CNY";
        }).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);
        // Six followers, each asking a longer question than the last, so each spends more.
        var followers = Enumerable.Range(1, 6).Select(length => (Id: WeChatClient.NewFollowerId(), Question: $"问题{length}：" + string.Concat(Enumerable.Repeat("花费多少", length * 5)))).ToList();

        foreach (var (id, question) in followers)
        {
            await weChat.AskAsync(id, question);
        }

        var statistics = await admin.StatisticsShowingAsync("回答 6，");

        var costs = followers.Select(follower =>
        {
            var request = Assert.Single(_fixture.Model.RequestsAbout(follower.Question));
            var (prompt, completion) = (request.PromptTokens, request.CompletionTokens("回答：" + follower.Question));
            return (follower.Id, Prompt: prompt, Completion: completion, Cost: (prompt * PromptPer1K + completion * CompletionPer1K) / 1000m);
        }).OrderByDescending(follower => follower.Cost).ToList();
        var total = Money(costs.Sum(follower => follower.Cost));
        Assert.Contains($"估算花费（CNY）：今天 {total}，近7天 {total}，累计 {total}", statistics, StringComparison.Ordinal);
        var ranking = statistics[statistics.IndexOf("近7天花费最多的 5 位：\n", StringComparison.Ordinal)..].Split('\n');
        Assert.Equal(6, ranking.Length);
        for (var rank = 0; rank < 5; rank++)
        {
            var (id, prompt, completion, cost) = costs[rank];
            Assert.Equal($"{rank + 1}. {id} {Money(cost)}（token {prompt}+{completion}）", ranking[rank + 1]);
        }

        Assert.DoesNotContain(costs[5].Id, statistics, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(statistics), 1, 2048);
    }

    [Fact]
    public async Task WithoutPricesGetStatShowsNoEstimateButTheDefaultAccountBudget()
    {
        var admin = AdminConsole.NewAdmin(_fixture.WeChat);

        var statistics = await admin.RunAsync("get_stat");

        Assert.DoesNotContain("估算花费", statistics, StringComparison.Ordinal);
        Assert.Matches(@"全局 token 额度：今天已用 \d+ / 1000000", statistics);
    }

    private static string Money(decimal amount) => amount.ToString("0.0000", CultureInfo.InvariantCulture);
}
