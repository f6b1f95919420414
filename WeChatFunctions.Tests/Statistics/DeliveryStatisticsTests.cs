using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>The statistics the dashboard charts: which attempt delivered an answer's first page, and refusals by the account's budget. Its own Azurite.</summary>
public sealed class DeliveryStatisticsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AnAnswerOnTheFirstAttemptAndAQuestionTheAccountsBudgetRefusesAreCountedByKind()
    {
        var capped = Fixture.StartApplication(settings => (settings["max_answer_tokens"], settings["global_daily_token_limit"]) = ("16", "20")).CreateWeChatClient();

        Assert.Equal("回答：你好", await Fixture.WeChat.AskAsync(Follower, "你好"));
        var refused = await capped.AskAsync(WeChatClient.NewFollowerId(), "一个很长很长的问题，它的提示词远远超过二十个 token 的全局预算，所以会被拒绝。");
        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => figures.FirstPageOnFirstAttempt >= 1 && figures.GlobalCapped >= 1);

        Assert.DoesNotContain("回答：", refused, StringComparison.Ordinal);
        Assert.Equal(1, today.FirstPageOnFirstAttempt);
        Assert.Equal(0, today.FirstPageOnSecondAttempt + today.FirstPageOnThirdAttempt + today.FirstPageOnContinue);
        Assert.Equal(1, today.GlobalCapped);
        Assert.Equal(1, today.OverQuota);
    }
}
