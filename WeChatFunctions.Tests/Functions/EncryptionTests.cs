using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.WeChat;

namespace WeChatFunctions.Tests.Functions;

/// <summary>Compat and safe mode over HTTP: pushes decrypt, replies come back encrypted and signed, tampering is refused.</summary>
public sealed class EncryptionTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string AppId = "wxencryptiontest01";

    private readonly WeChatCipher _cipher = new(MessageCryptoTests.RandomEncodingAesKey(), AppId);

    [Fact]
    public async Task ASafeModeQuestionGetsAnEncryptedReplyThatVerifiesAndDecrypts()
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Text("加密的问题").From(Follower).Encrypted(_cipher));

        Assert.NotNull(reply.Envelope);
        Assert.Equal("回答：加密的问题", reply.Content);
        Assert.Equal(Follower, reply.ToUserName);
        Assert.Equal(SignedPush.AccountId, reply.FromUserName);
    }

    [Fact]
    public async Task ACompatModeQuestionIsAnsweredFromTheEncryptedCopy()
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Text("兼容模式").From(Follower).EncryptedInCompatMode(_cipher));

        Assert.NotNull(reply.Envelope);
        Assert.Equal("回答：兼容模式", reply.Content);
    }

    [Fact]
    public async Task APlainPushIsRefusedWhenAKeyIsSet()
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Text("明文").From(Follower));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task APlainPushIsServedWithAKeyWhilePlaintextIsAllowedForASwitchOfModes()
    {
        var reply = await EncryptedApp(settings => settings["wechat_accept_plaintext"] = "true").PushAsync(SignedPush.Text("明文").From(Follower));

        Assert.Null(reply.Envelope);
        Assert.Equal("回答：明文", reply.Content);
    }

    [Fact]
    public async Task AnEncryptedPushWithANonceWeChatWouldNotSendIsRefused()
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Text("怪异的随机数").From(Follower).Encrypted(_cipher) with { Nonce = "12ab-34" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task DuringAKeyChangeAPushUnderThePreviousKeyIsAnsweredUnderThatKey()
    {
        var current = new WeChatCipher(MessageCryptoTests.RandomEncodingAesKey(), AppId);
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["wechat_app_id"] = AppId;
            settings["wechat_encoding_aes_key"] = current.EncodingAesKey;
            settings["wechat_encoding_aes_key_previous"] = _cipher.EncodingAesKey;
        }).CreateWeChatClient();

        var underPrevious = await weChat.PushAsync(SignedPush.Text("旧密钥").From(Follower).Encrypted(_cipher));
        var underCurrent = await weChat.PushAsync(SignedPush.Text("新密钥").From(Follower).Encrypted(current));

        Assert.Equal("回答：旧密钥", underPrevious.Content);
        Assert.Equal("回答：新密钥", underCurrent.Content);
    }

    [Fact]
    public async Task TheOfficialSampleVectorBIsAnsweredEndToEnd()
    {
        const string vectorBBody = """
            <xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=]]></Encrypt></xml>
            """;
        var cipher = new WeChatCipher("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx2c2769f8efd9abc2");
        using var http = Fixture.StartApplication(settings =>
        {
            settings["wechat_token"] = "spamtest";
            settings["max_clock_skew_seconds"] = "0"; // the sample was signed in 2014
            settings["wechat_app_id"] = cipher.AppId;
            settings["wechat_encoding_aes_key"] = cipher.EncodingAesKey;
        }).CreateClient();

        using var content = new StringContent(vectorBBody, Encoding.UTF8, new MediaTypeHeaderValue("text/xml"));
        using var response = await http.PostAsync(
            new Uri("/api/wechat?timestamp=1409735669&nonce=1320562132&encrypt_type=aes&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa", UriKind.Relative),
            content);
        var reply = new WeChatReplyView(response.StatusCode, await response.Content.ReadAsStringAsync(), null).Opened(cipher, "spamtest");

        Assert.Equal("回答：abcdteT", reply.Content);
        Assert.Equal("oyORnuP8q7ou2gfYjqLzSIWZf0rs", reply.ToUserName);
        Assert.Equal("1320562132", reply.Envelope!.Element("Nonce")!.Value);
    }

    [Theory]
    [InlineData("one flipped byte")]
    [InlineData("wrong AppId")]
    [InlineData("bad padding")]
    [InlineData("truncated base64")]
    public async Task ATamperedPushIsRejectedWith400AndChangesNothing(string tampering)
    {
        var push = SignedPush.Text("被篡改").From(Follower).Encrypted(_cipher).TamperedWith(tampering switch
        {
            "one flipped byte" => (cipher, message) => MessageCryptoTests.FlipByte(cipher.Encrypt(message), fromEnd: 20),
            "wrong AppId" => (cipher, message) => cipher.Encrypt(message, asAppId: "wx0000000000000000"),
            "bad padding" => (cipher, message) => cipher.Encrypt(message, paddingByte: 0),
            _ => (cipher, message) => cipher.Encrypt(message)[..^5],
        });

        var reply = await EncryptedApp().PushAsync(push);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        // Every way of failing gets the same words, so a prober cannot tell padding from AppId.
        Assert.Empty(reply.Body);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AnEncryptedPushWithAForgedMessageSignatureIsRejectedWith401()
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Text("伪造").From(Follower).Encrypted(_cipher).Forged());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task AnEncryptedPushToAnAppWithoutAKeyIsRejectedWithAPlain400()
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("没有密钥").From(Follower).Encrypted(_cipher));

        // The log names the missing setting; an anonymous caller learns nothing of the configuration.
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Empty(reply.Body);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("<xml><Encrypt>unterminated")]
    [InlineData("<xml><ToUserName><![CDATA[gh]]></ToUserName></xml>")]
    [InlineData("<root><Encrypt>abc</Encrypt></root>")]
    [InlineData("not xml at all")]
    public async Task AnUnauthenticatedMalformedEncryptedPushGetsAPlain400WithNoParserDetail(string body)
    {
        var reply = await EncryptedApp().PushAsync(SignedPush.Raw(body).From(Follower), new StringContent(body), encrypt: "anything");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Empty(reply.Body);
        await AssertNothingHappenedAsync();
    }

    private WeChatClient EncryptedApp(Action<Dictionary<string, string?>>? changeSettings = null) => Fixture.StartApplication(settings =>
    {
        settings["wechat_app_id"] = AppId;
        settings["wechat_encoding_aes_key"] = _cipher.EncodingAesKey;
        changeSettings?.Invoke(settings);
    }).CreateWeChatClient();

    private async Task AssertNothingHappenedAsync()
    {
        Assert.Empty(Fixture.Model.Requests);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
        var claims = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await claims.CreateIfNotExistsAsync();
        Assert.Empty(await claims.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Follower}")).ToListAsync());
    }
}
