using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Functions;
using WeChatFunctions.Links;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Links;

/// <summary>A shared link lives in the follower's partition of the follower table (<c>WeChatReplies</c>): the cleanup removes it when stale, unfollowing at once.</summary>
public sealed class SharedLinkStorageTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task TheCleanupDeletesLinksPastTheirTenMinutesAndKeepsFreshOnes()
    {
        var fresh = WeChatClient.NewFollowerId();
        var links = await LinksAsync();
        await links.AddEntityAsync(Link(Follower, DateTimeOffset.UtcNow - SharedLink.Lifetime - TimeSpan.FromMinutes(1)));
        await links.AddEntityAsync(Link(fresh, DateTimeOffset.UtcNow));

        var app = Fixture.StartApplication();
        await ActivatorUtilities.CreateInstance<CleanupFunction>(app.Services).RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);

        Assert.False((await links.GetEntityIfExistsAsync<TableEntity>(Follower, "link")).HasValue);
        Assert.True((await links.GetEntityIfExistsAsync<TableEntity>(fresh, "link")).HasValue);
    }

    [Fact]
    public async Task UnfollowingDeletesTheSharedLink()
    {
        await Fixture.WeChat.PushAsync(SignedPush.Link("文章", "摘要", "ftp://example.com/a").From(Follower));
        var links = await LinksAsync();
        var shared = (await links.GetEntityIfExistsAsync<TableEntity>(Follower, "link")).HasValue;

        await Fixture.WeChat.PushAsync(SignedPush.Event("unsubscribe").From(Follower));

        Assert.True(shared);
        Assert.False((await links.GetEntityIfExistsAsync<TableEntity>(Follower, "link")).HasValue);
    }

    private static TableEntity Link(string follower, DateTimeOffset sharedAt) =>
        new(follower, "link") { ["Url"] = "https://example.com/a", ["Title"] = "文章", ["Description"] = "", ["SharedAt"] = sharedAt };

    private async Task<TableClient> LinksAsync()
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
