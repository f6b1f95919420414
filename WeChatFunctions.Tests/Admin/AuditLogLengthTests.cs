using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>A long audit log still fits one WeChat reply; its own Azurite, as the log and the admin token are account-wide.</summary>
public sealed class AuditLogLengthTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task FiftyEntriesAreCutToOneWeChatReplyAtALineAndSaySo()
    {
        var admin = WeChatClient.NewFollowerId();
        var console = new AdminConsole(Fixture.WeChat, admin, WeChatApplication.AdminToken);
        for (var command = 0; command < 50; command++)
        {
            await console.RunAsync("get_user", Follower);
        }

        var audit = await console.RunAsync("get_audit", "50");

        Assert.InRange(Encoding.UTF8.GetByteCount(audit), 1, 2048);
        Assert.EndsWith("\n（超出微信单条消息的长度，后面的内容没有显示。）", audit, StringComparison.Ordinal);
        var entries = audit.Split('\n')[1..^1];
        Assert.InRange(entries.Length, 5, 49);
        Assert.All(entries, entry => Assert.EndsWith($"{admin} get_user {Follower} → 用户 {Follower}", entry, StringComparison.Ordinal));
    }
}
