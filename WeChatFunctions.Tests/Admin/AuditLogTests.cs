using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>Every admin command, run or refused, lands in the audit log; its own Azurite, as the log is account-wide.</summary>
public sealed class AuditLogTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task GetAuditShowsTheLatestCommandsNewestFirstWithWhoWhatAndTheResult()
    {
        var admin = WeChatClient.NewFollowerId();
        var console = new AdminConsole(Fixture.WeChat, admin, WeChatApplication.AdminToken);
        await console.RunAsync("block", Follower);
        await new AdminConsole(Fixture.WeChat, Follower, "wrong-token").RunAsync("get_stat", "guessed-secret-arguments");
        await console.RunAsync("set_limit", "not-a-number");
        await console.RunAsync("set_token", "new-secret-token");

        var audit = await new AdminConsole(Fixture.WeChat, admin, "new-secret-token").RunAsync("get_audit", "4");

        var lines = audit.Split('\n');
        Assert.Equal("最近 4 条管理操作（北京时间）：", lines[0]);
        Assert.EndsWith($"{admin} set_token *** → 已完成。", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"{admin} set_limit not-a-number → 用法：set_limit {{openid}},{{次数}}：设置某人的每日提问次数（0 为不限）", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($"{Follower} get_stat → 拒绝", lines[3], StringComparison.Ordinal);
        Assert.EndsWith($"{admin} block {Follower} → 已完成。", lines[4], StringComparison.Ordinal);
        Assert.DoesNotContain("new-secret-token", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-secret-arguments", audit, StringComparison.Ordinal);
    }
}
