using System.Net;
using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Functions;

/// <summary>Bad input gets a clear status and changes nothing: no model call, nothing stored.</summary>
public sealed class BadInputTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AForgedPushIsRefusedAndChangesNothing()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("伪造的消息").From(Follower).Forged());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AnUnsignedPushIsRefusedAndChangesNothing()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("没有签名").From(Follower).Unsigned());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task APushStampedMoreThanFiveMinutesAwayIsRefusedAsAReplay(int secondsFromNow)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("重放的消息").From(Follower) with { StampedAt = DateTimeOffset.UtcNow.AddSeconds(secondsFromNow) });

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task APushStampedAMinuteAgoIsAccepted()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("一分钟前").From(Follower) with { StampedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal("回答：一分钟前", reply.Content);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName>")]
    [InlineData("{\"MsgType\":\"text\",\"Content\":\"json\"}")]
    [InlineData("<root><ToUserName>gh</ToUserName></root>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><MsgType>text</MsgType><Content>no sender</Content></xml>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>no MsgId</Content></xml>")]
    [InlineData("")]
    public async Task MalformedXmlIsRejectedWith400(string body)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Raw(body).From(Follower));

        // A plain push's signature does not cover its body: the parser's findings go to the log, not to the sender.
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Empty(reply.Body);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AnEntityExpansionBombIsRejectedWith400()
    {
        const string body = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&c;</Content><MsgId>1</MsgId></xml>
            """;

        var reply = await Fixture.WeChat.PushAsync(SignedPush.Raw(body).From(Follower));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AnExternalEntityIsRejectedWith400WithoutBeingRead()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        var body = $"""
            <!DOCTYPE xml [<!ENTITY leak SYSTEM "file://{secret}">]>
            <xml><ToUserName>gh</ToUserName><FromUserName>{Follower}</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&leak;</Content><MsgId>1</MsgId></xml>
            """;

        var reply = await Fixture.WeChat.PushAsync(SignedPush.Raw(body).From(Follower));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.DoesNotContain("TOP-SECRET", reply.Body, StringComparison.Ordinal);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsRejectedWith413()
    {
        var push = SignedPush.Text(new string('长', 400_000)).From(Follower);

        var reply = await Fixture.WeChat.PushAsync(push);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AChunkedBodyOverOneMebibyteIsRejectedWith413()
    {
        var push = SignedPush.Text(new string('x', 1_100_000)).From(Follower);

        var reply = await Fixture.WeChat.PushAsync(push, new ChunkedContent(push.Body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData(150_000, HttpStatusCode.RequestEntityTooLarge)] // 1 MiB: over the 64 KiB an unauthenticated envelope may have
    [InlineData(7_000, HttpStatusCode.BadRequest)] // under the cap, but nested deeper than any push
    public async Task ADeeplyNestedEncryptedPushIsRefusedBeforeItsSignatureIsChecked(int depth, HttpStatusCode status)
    {
        var nested = "<xml>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</xml>";

        var reply = await Fixture.WeChat.PushAsync(SignedPush.Raw(nested).From(Follower), new StringContent(nested), encrypt: "anything");

        Assert.Equal(status, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsAcceptedAndAnsweredThatTheQuestionIsTooLong()
    {
        var push = SignedPush.Text(new string('x', 1_000_000)).From(Follower);

        var reply = await Fixture.WeChat.PushAsync(push);

        Assert.Contains("太长", reply.Content, StringComparison.Ordinal);
        await AssertNothingHappenedAsync();
    }

    private async Task AssertNothingHappenedAsync()
    {
        Assert.Empty(Fixture.Model.Requests);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    /// <summary>Content with no length, so HttpClient sends it with chunked transfer encoding.</summary>
    private sealed class ChunkedContent(string body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
