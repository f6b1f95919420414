using Azure.Data.Tables;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>
/// The admins' rules are read for all configured followers at once and kept for a few seconds; on storage of its own,
/// as one test fills the rules' partition.
/// </summary>
public sealed class PolicyCacheTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task AFollowerBlockedOnAnotherInstanceIsRefusedOnceTheRulesHeldHereExpire()
    {
        var here = _fixture.StartApplication().CreateWeChatClient();
        var elsewhere = AdminConsole.NewAdmin(_fixture.StartApplication().CreateWeChatClient());
        var follower = WeChatClient.NewFollowerId();

        var before = await here.AskAsync(follower, "封禁前");
        await elsewhere.RunAsync("block", follower);
        await Task.Delay(PolicySnapshot.MaxAge + TimeSpan.FromMilliseconds(500));
        var after = await here.AskAsync(follower, "封禁后");

        Assert.Equal("回答：封禁前", before);
        Assert.Equal("抱歉，你暂时无法使用本服务。", after);
        Assert.Empty(_fixture.Model.RequestsAbout("封禁后"));
    }

    [Fact]
    public async Task WithMoreConfiguredFollowersThanOneQueryPageEachFollowersRulesStillApply()
    {
        var rules = new TableServiceClient(_fixture.Storage.ConnectionString).GetTableClient(TableAdminStore.TableName);
        await rules.CreateIfNotExistsAsync();
        foreach (var batch in Enumerable.Range(0, PolicySnapshot.MaxRows).Chunk(100))
        {
            await rules.SubmitTransactionAsync(batch.Select(index =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(TableAdminStore.Followers, $"o{index:D6}") { ["DailyLimit"] = 5 })));
        }

        // Sorts after every other row, so it is on the second page of the partition.
        var blocked = "zz" + WeChatClient.NewFollowerId();
        await rules.AddEntityAsync(new TableEntity(TableAdminStore.Followers, blocked) { ["Blocked"] = true });
        var weChat = _fixture.StartApplication().CreateWeChatClient();

        var refused = await weChat.AskAsync(blocked, "第二页上的粉丝");
        var answered = await weChat.AskAsync(WeChatClient.NewFollowerId(), "没有被设置的粉丝");

        Assert.Equal("抱歉，你暂时无法使用本服务。", refused);
        Assert.Equal("回答：没有被设置的粉丝", answered);
    }
}
