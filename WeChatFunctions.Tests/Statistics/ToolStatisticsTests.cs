using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>Tool calls counted per tool per day, as get_stat and the dashboard show them. Its own Azurite.</summary>
public sealed class ToolStatisticsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task EachToolRunIsCountedOnceUnderItsNameAndGetStatShowsIt()
    {
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("current_time", "{}"));

        await Fixture.WeChat.AskAsync(Follower, "几点了？");
        await Fixture.WeChat.AskAsync(WeChatClient.NewFollowerId(), "今天几号？");
        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => figures.ToolCalls["current_time"] >= 2);
        var stat = await AdminConsole.NewAdmin(Fixture.WeChat).StatisticsShowingAsync("工具 current_time 2");

        Assert.Equal([KeyValuePair.Create("current_time", 2L)], today.ToolCalls.Counts);
        Assert.Empty(today.ToolFailures.Counts);
        Assert.Contains("工具 current_time 2", stat, StringComparison.Ordinal);
    }
}
