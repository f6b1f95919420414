using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.Functions;

/// <summary>
/// A signed push sent again with the same timestamp, nonce and body is refused, unless it fits WeChat's retry
/// pattern: up to three arrivals within the 15 s after the first.
/// </summary>
public sealed class ReplayTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AFourthIdenticalArrivalIsRefusedAsAReplay()
    {
        var push = SignedPush.Event("CLICK", "<EventKey><![CDATA[MENU_1]]></EventKey>").From(Follower) with { StampedAt = DateTimeOffset.UtcNow, Nonce = WeChatClient.NewNonce() };

        var arrivals = new List<HttpStatusCode>();
        for (var arrival = 1; arrival <= 4; arrival++)
        {
            arrivals.Add((await Fixture.WeChat.PushAsync(push)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized], arrivals);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WeChat.PushAsync(push with { Nonce = WeChatClient.NewNonce() })).Status);
    }

    [Fact]
    public async Task ACapturedQueryStringWithAnotherBodyIsRefused()
    {
        var stamp = (StampedAt: DateTimeOffset.UtcNow, Nonce: WeChatClient.NewNonce());
        var genuine = SignedPush.Text("真正的问题").From(Follower) with { StampedAt = stamp.StampedAt, Nonce = stamp.Nonce };
        var swapped = SignedPush.Text("换掉的正文").From(Follower) with { StampedAt = stamp.StampedAt, Nonce = stamp.Nonce };

        var first = await Fixture.WeChat.PushAsync(genuine);
        var second = await Fixture.WeChat.PushAsync(swapped);

        Assert.Equal("回答：真正的问题", first.Content);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Empty(Fixture.Model.RequestsAbout("换掉的正文"));
    }

    [Fact]
    public async Task FortyBodiesPostedAtOnceUnderOneSignedQueryServeOneAndItsRetryStillWorks()
    {
        var stamp = (StampedAt: DateTimeOffset.UtcNow, Nonce: WeChatClient.NewNonce());
        var pushes = Enumerable.Range(1, 40)
            .Select(index => SignedPush.Text($"同时换正文 {index}").From(Follower) with { StampedAt = stamp.StampedAt, Nonce = stamp.Nonce })
            .ToList();

        var replies = await Task.WhenAll(pushes.Select(push => Fixture.WeChat.PushAsync(push)));
        var served = pushes.Zip(replies).Where(arrival => arrival.Second.Status == HttpStatusCode.OK).ToList();
        var retry = served.Count == 1 ? await Fixture.WeChat.PushAsync(served[0].First) : null;

        Assert.Single(served);
        Assert.All(replies.Except([served[0].Second]), refused => Assert.Equal(HttpStatusCode.Unauthorized, refused.Status));
        Assert.Single(Fixture.Model.RequestsAbout("同时换正文"));
        Assert.Equal(served[0].Second.Content, retry!.Content);
    }

    [Fact]
    public async Task FortyCopiesOfOnePushAtOnceAreServedAtMostThreeTimesAndReachTheModelAtMostOnce()
    {
        var push = SignedPush.Text("同一正文四十份").From(Follower) with { StampedAt = DateTimeOffset.UtcNow, Nonce = WeChatClient.NewNonce() };

        var replies = await Task.WhenAll(Enumerable.Range(1, 40).Select(_ => ReplyOrDropAsync(Fixture.WeChat, push)));

        // Copies past the third are refused; on a machine too busy for the contended row, some may be dropped
        // unserved, so that WeChat would retry.
        Assert.InRange(replies.Count(status => status == HttpStatusCode.OK), 0, WeChatRetries.Attempts);
        Assert.All(replies.Where(status => status is not (null or HttpStatusCode.OK)), refused => Assert.Equal(HttpStatusCode.Unauthorized, refused));
        Assert.InRange(Fixture.Model.RequestsAbout("同一正文四十份").Count, 0, 1);
    }

    [Fact]
    public async Task APushWhoseReplayCheckCannotReachStorageIsNeverServedAndTheLastAttemptIsToldToTryLater()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        proxy.InjectWhen(request => IsPushLedger(request) ? StorageFault.BeforeForwarding : StorageFault.None);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("账本不可用").From(Follower));

        // Attempts 1 and 2 get no reply, so that WeChat retries; the last one a fixed text, the push itself unhandled.
        Assert.True(proxy.Faults > 0);
        Assert.Equal(3, delivery.Attempt);
        Assert.StartsWith("抱歉，服务暂时出了点问题。", delivery.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.RequestsAbout("账本不可用"));
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task ARetryWhoseReplayCheckMeetsAStorageFaultGetsNoReplyAndWeChatsNextRetryIsAnswered()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var push = SignedPush.Text("重试时账本出错").From(Follower) with { StampedAt = DateTimeOffset.UtcNow, Nonce = WeChatClient.NewNonce() };
        var first = await weChat.PushAsync(push);

        // The second arrival's insert conflicts, and every read of the row after it fails.
        proxy.InjectWhen(request => IsPushLedger(request) && HttpMethods.IsGet(request.Method) ? StorageFault.BeforeForwarding : StorageFault.None);
        var second = await ReplyOrDropAsync(weChat, push);
        proxy.InjectWhen(_ => StorageFault.None);
        var third = await weChat.PushAsync(push);

        Assert.Equal("回答：重试时账本出错", first.Content);
        Assert.Null(second);
        Assert.Equal("回答：重试时账本出错", third.Content);
        Assert.Single(Fixture.Model.RequestsAbout("重试时账本出错"));
    }

    [Fact]
    public async Task AnIdenticalPushAfterWeChatsRetriesAreOverIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var weChat = Fixture.StartApplication(replaceServices: services => services.AddSingleton<TimeProvider>(clock)).CreateWeChatClient();
        var captured = SignedPush.Event("subscribe").From(Follower) with { StampedAt = clock.GetUtcNow(), Nonce = WeChatClient.NewNonce() };
        Assert.Equal(HttpStatusCode.OK, (await weChat.PushAsync(captured)).Status);

        clock.Advance(TimeSpan.FromSeconds(25));
        var replayed = await weChat.PushAsync(captured);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
    }

    [Fact]
    public async Task AQuestionAnsweredOnWeChatsThirdAttemptOfTheSameSignedRequestIsDelivered()
    {
        // The model call waits for the third attempt, ten seconds in: longer than the fixture's model timeout.
        var weChat = Fixture.StartApplication(settings => settings["chat_gpt_timeout_seconds"] = "30").CreateWeChatClient();
        var platform = new WeChatPlatform(weChat);
        Fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 3));

        var delivery = await platform.DeliverAsync(SignedPush.Text("要重试三次的问题").From(Follower));

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答：要重试三次的问题", delivery.Content);
        Assert.Single(Fixture.Model.RequestsAbout("要重试三次的问题"));
    }

    /// <returns>The reply's status, or <see langword="null"/> when the app dropped the connection, as it does to make WeChat retry.</returns>
    private static async Task<HttpStatusCode?> ReplyOrDropAsync(WeChatClient weChat, SignedPush push)
    {
        try
        {
            return (await weChat.PushAsync(push)).Status;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool IsPushLedger(HttpRequest request) => request.Path.Value!.Contains("/WeChatPushes", StringComparison.Ordinal);
}
