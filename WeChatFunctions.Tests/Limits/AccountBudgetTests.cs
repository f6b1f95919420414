using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>The account's daily token budget, on storage of its own so that today's budget is this test's alone.</summary>
public sealed class AccountBudgetTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task OnceTheAccountsBudgetCannotCoverAQuestionOnlyWhitelistedFollowersAreAnsweredAndAdminsSeeItInGetStat()
    {
        var (first, second, whiteListed) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var weChat = _fixture.StartApplication(settings =>
        {
            ReservationSettings.Apply(settings);
            settings["global_daily_token_limit"] = "60";
            settings["white_list_user_ids"] = whiteListed;
        }).CreateWeChatClient();
        var admin = AdminConsole.NewAdmin(weChat);

        // The first question reserves its prompt and 16 tokens for the answer, about 40 of the 60; it uses about 30.
        Assert.Equal("回答：用掉大半额度的问题", await weChat.AskAsync(first, "用掉大半额度的问题"));
        var request = Assert.Single(_fixture.Model.Requests);
        var used = request.PromptTokens + request.CompletionTokens("回答：用掉大半额度的问题");
        var refused = await weChat.AskAsync(second, "额度不够时的问题");
        var whiteListedAnswer = await weChat.AskAsync(whiteListed, "白名单的问题");
        var statistics = await admin.StatisticsShowingAsync("超额 1，");

        Assert.StartsWith("抱歉，今天的额度已用完，约 ", refused, StringComparison.Ordinal);
        Assert.Empty(_fixture.Model.RequestsAbout("额度不够时的问题"));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, second));
        Assert.Equal("回答：白名单的问题", whiteListedAnswer);
        Assert.Matches($"全局 token 额度：今天已用 \\d+ / 60，已分给各实例 {request.PromptTokens + 16}（含进行中回答的预留）", statistics);
        Assert.True(used < 60, $"refused while {60 - used} tokens were left");
    }

    [Fact]
    public async Task QuestionsFromManyFollowersAtOnceCannotTogetherOvershootTheAccountsBudget()
    {
        var replies = await ReservationSettings.AskFiveAtOnceAsync(_fixture, "global_daily_token_limit", _ => WeChatClient.NewFollowerId());

        Assert.Equal(2, replies.Count(reply => reply.StartsWith("回答：", StringComparison.Ordinal)));
        Assert.Equal(3, replies.Count(reply => reply.StartsWith("抱歉，今天的额度已用完", StringComparison.Ordinal)));
        Assert.Equal(2, _fixture.Model.Requests.Count);
    }
}
