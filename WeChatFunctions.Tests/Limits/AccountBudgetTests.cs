using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>The account's daily token budget, on storage of its own so that today's tokens are this test's alone.</summary>
public sealed class AccountBudgetTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task OnceTheAccountsTokensAreUsedOnlyWhitelistedFollowersAreAnsweredAndAdminsSeeItInGetStat()
    {
        var (first, second, whiteListed) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var weChat = _fixture.StartApplication(settings =>
        {
            settings["global_daily_token_limit"] = "50";
            settings["white_list_user_ids"] = whiteListed;
        }).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);

        Assert.Equal("回答：用完全部额度的问题", await weChat.AskAsync(first, "用完全部额度的问题"));
        var request = Assert.Single(_fixture.Model.Requests);
        var used = request.PromptTokens + request.CompletionTokens("回答：用完全部额度的问题");
        Assert.True(used >= 50, $"the first answer alone uses the budget ({used} tokens)");
        var statistics = await admin.StatisticsShowingAsync("（已用完");

        var refused = await weChat.AskAsync(second, "额度用完后的问题");
        var whiteListedAnswer = await weChat.AskAsync(whiteListed, "白名单的问题");

        Assert.Contains($"全局 token 额度：今天已用 {used} / 50（已用完", statistics, StringComparison.Ordinal);
        Assert.StartsWith("抱歉，今天的额度已用完，约 ", refused, StringComparison.Ordinal);
        Assert.Empty(_fixture.Model.RequestsAbout("额度用完后的问题"));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, second));
        Assert.Equal("回答：白名单的问题", whiteListedAnswer);
        Assert.Contains("超额 1，", await admin.StatisticsShowingAsync("超额 1，"), StringComparison.Ordinal);
    }
}
