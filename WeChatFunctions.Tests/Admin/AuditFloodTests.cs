using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>
/// A follower who floods the account with admin commands cannot flood the audit table: once the gate locks them out,
/// their attempts are refused without a row, and no command name longer than 32 characters is stored.
/// </summary>
public sealed class AuditFloodTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AHundredRefusedCommandsLeaveNoMoreRowsThanTheLockoutAllows()
    {
        var guesser = new AdminConsole(Fixture.WeChat, Follower, "wrong-token");

        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.Equal("无法执行该命令。", await guesser.RunAsync("get_stat"));
        }

        var rows = await AuditRowsOfAsync(Follower);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal("拒绝", row.GetString("Result")));
    }

    [Fact]
    public async Task AThousandCharacterCommandNameIsStoredCutTo32Characters()
    {
        var name = string.Concat(Enumerable.Repeat("abcdefghij", 100));

        await new AdminConsole(Fixture.WeChat, Follower, "wrong-token").RunAsync(name);
        var admin = WeChatClient.NewFollowerId();
        await new AdminConsole(Fixture.WeChat, admin, WeChatApplication.AdminToken).RunAsync(name);

        var stored = (await AuditRowsOfAsync(Follower)).Concat(await AuditRowsOfAsync(admin)).Select(row => row.GetString("Command")).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, command => Assert.Equal(name[..32] + "…", command));
    }

    private async Task<List<TableEntity>> AuditRowsOfAsync(string senderId)
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatAudit");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"audit"} and Sender eq {senderId}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
