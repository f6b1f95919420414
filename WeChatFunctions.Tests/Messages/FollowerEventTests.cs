using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Messages;

/// <summary>Following, unfollowing and menu events.</summary>
public sealed class FollowerEventTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private ImageServer _images = null!;

    [Fact]
    public async Task ANewFollowerGetsTheDefaultWelcomeExplainingHowToChat()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Event("subscribe").From(Follower));

        Assert.StartsWith("你好，欢迎关注！", reply.Content, StringComparison.Ordinal);
        Assert.Contains("「继续」", reply.Content, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ASubscribeLaidOutWithSpacesAroundItsValuesGetsTheWelcome()
    {
        var push = SignedPush.Raw($"""
            <xml>
              <ToUserName> <![CDATA[gh_test]]> </ToUserName>
              <FromUserName> <![CDATA[{Follower}]]> </FromUserName>
              <CreateTime> {DateTimeOffset.UtcNow.ToUnixTimeSeconds()} </CreateTime>
              <MsgType> <![CDATA[event]]> </MsgType>
              <Event> <![CDATA[subscribe]]> </Event>
            </xml>
            """).From(Follower);

        var reply = await Fixture.WeChat.PushAsync(push);

        Assert.StartsWith("你好，欢迎关注！", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowerByQrCodeGetsTheConfiguredWelcomeMessage()
    {
        var weChat = Fixture.StartApplication(settings => settings["welcome_message"] = "欢迎来到本号！").CreateWeChatClient();

        var reply = await weChat.PushAsync(SignedPush.Event("subscribe", "<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>").From(Follower));

        Assert.Equal("欢迎来到本号！", reply.Content);
    }

    [Fact]
    public async Task UnfollowingDeletesTheConversationPagesPreferencesAndPendingImage()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 300).Select(index => $"第{index}句话。")) });
        await Fixture.WeChat.AskAsync(Follower, "长回答");
        await Fixture.WeChat.PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(1024))).From(Follower));
        await Fixture.WeChat.AskAsync(Follower, "/prompt 我的专属设定");
        var unsubscribe = SignedPush.Event("unsubscribe").From(Follower);

        var reply = await Fixture.WeChat.PushAsync(unsubscribe);
        var retry = await Fixture.WeChat.PushAsync(unsubscribe);

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.True(retry.IsSuccessWithoutReply, retry.Body);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
        // The event's own claim, and the usage: following again does not start the day's quota afresh.
        var kept = await RowKeysAsync("WeChatReplies");
        Assert.Equal(2, kept.Count);
        Assert.StartsWith($"t{unsubscribe.CreateTime}-", kept[0], StringComparison.Ordinal);
        Assert.Equal(StoredUsage.Row, kept[1]);
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await Fixture.WeChat.AskAsync(Follower, "继续"));
    }

    [Theory]
    [InlineData("CLICK", "<EventKey><![CDATA[V1001_TODAY_MUSIC]]></EventKey>")]
    [InlineData("VIEW", "<EventKey><![CDATA[https://example.com]]></EventKey>")]
    [InlineData("SCAN", "<EventKey><![CDATA[123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>")]
    [InlineData("LOCATION", "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>")]
    public async Task MenuScanAndLocationEventsAreAcknowledgedWithSuccess(string eventName, string fields)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Event(eventName, fields).From(Follower));

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Empty(Fixture.Model.Requests);
    }

    public async Task InitializeAsync() => _images = await ImageServer.StartAsync();

    public async Task DisposeAsync() => await _images.DisposeAsync();

    private async Task<List<string>> RowKeysAsync(string tableName)
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        return await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Follower}")).Select(row => row.RowKey).ToListAsync();
    }
}
