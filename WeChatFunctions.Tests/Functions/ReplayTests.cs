using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Tests.Infrastructure;

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
}
