using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Memory;

/// <summary>Remembered facts go with the rest of the follower's data: when they unfollow, and when they have been quiet for the retention.</summary>
public sealed class MemoryLifetimeTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task UnfollowingDeletesTheFacts()
    {
        var application = Fixture.StartApplication();
        var weChat = application.CreateWeChatClient();
        await application.RememberAsync(Follower, "对花生过敏");
        await weChat.AskAsync(Follower, "关注期间的问题");

        var reply = await weChat.PushAsync(SignedPush.Event("unsubscribe").From(Follower));
        var list = await weChat.AskAsync(Follower, "/memory");
        await weChat.AskAsync(Follower, "重新关注后的问题");

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Null(await Remembering.MemoryRowAsync(Fixture.Storage, Follower));
        Assert.StartsWith("我还没有记住关于你的任何事。", list, StringComparison.Ordinal);
        Assert.NotNull(Remembering.FactsIn(Fixture.Model.Requests[0]));
        Assert.Null(Remembering.FactsIn(Fixture.Model.Requests[1]));
    }

    [Fact]
    public async Task TheCleanupDeletesTheFactsOfAFollowerQuietForTheRetentionAndKeepsThoseOfOneStillTalking()
    {
        var application = Fixture.StartApplication();
        var (quiet, chatty) = (Follower, WeChatClient.NewFollowerId());
        await application.RememberAsync(quiet, "住在杭州");
        await application.RememberAsync(chatty, "住在苏州");
        var now = DateTimeOffset.UtcNow;
        var conversations = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient(StoredConversation.TableName);
        await conversations.CreateIfNotExistsAsync();
        await conversations.AddEntityAsync(new TableEntity(chatty, StoredConversation.TurnPrefix + TurnKey(now.AddDays(95))) { ["Role"] = "User", ["Content"] = "九十五天后的问题", ["TokenCount"] = 5 });

        await CleanUpAtAsync(now.AddDays(29));
        var keptWithinRetention = await Remembering.MemoryRowAsync(Fixture.Storage, quiet);
        await CleanUpAtAsync(now.AddDays(100));

        Assert.NotNull(keptWithinRetention);
        Assert.Null(await Remembering.MemoryRowAsync(Fixture.Storage, quiet));
        Assert.NotNull(await Remembering.MemoryRowAsync(Fixture.Storage, chatty));
    }

    private Task<CleanupReport> CleanUpAtAsync(DateTimeOffset moment)
    {
        TimeProvider clock = new FakeTimeProvider(moment);
        var application = Fixture.StartApplication(replaceServices: services => services.AddSingleton(clock));
        return application.Services.GetRequiredService<ExpiredDataCleanup>().RunAsync(CancellationToken.None);
    }

    private static string TurnKey(DateTimeOffset moment) =>
        (DateTimeOffset.MaxValue.UtcTicks - moment.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-1";
}
