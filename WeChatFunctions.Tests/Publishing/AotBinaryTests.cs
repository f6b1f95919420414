using System.Net;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Publishing;

/// <summary>
/// The native AOT binary, as deployed, through the main scenarios: a trimming bug shows only in the published binary.
/// <c>scripts/publish-aot.sh</c> puts it in <c>.aot/</c>; CI always does, and without it these tests are skipped.
/// </summary>
public sealed class AotBinaryTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private WeChatInstance _app = null!;

    [AotFact]
    public async Task TheServerUrlCheckEchoes()
    {
        using var response = await _app.WeChat.VerifyAsync("aot-echo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aot-echo", await response.Content.ReadAsStringAsync());
    }

    [AotFact]
    public async Task AQuestionIsAnsweredWithHistoryStoredAndMarkdownConverted()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = request => $"**{request.LastUserMessage}** 的回答" });

        var first = await _app.WeChat.AskAsync(Follower, "第一问");
        var second = await _app.WeChat.AskAsync(Follower, "第二问");

        Assert.True(first == "第一问 的回答", _app.Output);
        Assert.True(second == "**第二问** 的回答".Replace("**", "", StringComparison.Ordinal), second + _app.Output);
        Assert.Equal(["第一问", "**第一问** 的回答", "第二问"], Assert.Single(Fixture.Model.RequestsAbout("第二问")).Messages.Skip(1).Select(message => message.Content));
    }

    [AotFact]
    public async Task AnAdminCommandRunsAndStatisticsAreRead()
    {
        var reply = await new AdminConsole(_app.WeChat, WeChatClient.NewFollowerId(), "admin-secret-1").RunAsync("get_stat");

        Assert.True(reply.Contains("今天：消息", StringComparison.Ordinal), _app.Output);
    }

    [AotFact]
    public async Task EachModerationModeBlocksAFlaggedQuestionAndPassesACleanOne()
    {
        var modes = new Dictionary<string, Action<Dictionary<string, string?>>>
        {
            ["keywords"] = settings => settings["banned_words"] = FakeModeration.FlaggedMarker,
            ["openai"] = _ => { },
            ["azure"] = settings =>
            {
                settings["azure_content_safety_endpoint"] = Fixture.Model.BaseAddress.ToString();
                settings["azure_content_safety_key"] = "aot-key";
            },
        };
        foreach (var (mode, configure) in modes)
        {
            await using var moderated = await StartAsync(settings =>
            {
                settings["moderation"] = mode;
                configure(settings);
            });

            var blocked = await moderated.WeChat.AskAsync(Follower, $"{mode} {FakeModeration.FlaggedMarker}");
            var clean = await moderated.WeChat.AskAsync(Follower, $"{mode} 正常问题");

            Assert.True(blocked.StartsWith("抱歉，这个问题我无法回答", StringComparison.Ordinal), $"{mode}: {blocked}\n{moderated.Output}");
            Assert.True(clean == $"回答：{mode} 正常问题", $"{mode}: {clean}\n{moderated.Output}");
        }
    }

    [AotFact]
    public async Task AnEncryptedPushIsAnsweredEncrypted()
    {
        await using var encrypted = await StartAsync(settings =>
        {
            settings["wechat_app_id"] = "wxaot0000000001";
            settings["wechat_encoding_aes_key"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        });

        var reply = await encrypted.WeChat.PushAsync(SignedPush.Text("加密").From(Follower).Encrypted(new WeChatCipher("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxaot0000000001")));

        Assert.NotNull(reply.Envelope);
        Assert.Equal("回答：加密", reply.Content);
    }

    [AotFact]
    public async Task ALargeImageGoesThroughBlobStorageToTheModel()
    {
        await using var images = await ImageServer.StartAsync();
        var image = ImageServer.Png(1024 * 1024);

        await _app.WeChat.PushAsync(SignedPush.Image(images.Serve(image)).From(Follower));
        var answer = await _app.WeChat.AskAsync(Follower, "图里有什么");

        Assert.True(answer == "回答：图里有什么", answer + _app.Output);
        Assert.Equal(["data:image/png;base64," + Convert.ToBase64String(image)], Assert.Single(Fixture.Model.RequestsAbout("图里有什么")).Messages[^1].ImageUrls);
    }

    [AotFact]
    public async Task TheCleanupTimerInvocationGetsTheCustomHandlerResponse()
    {
        using var content = new StringContent("""{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""", System.Text.Encoding.UTF8, "application/json");
        using var http = new HttpClient { BaseAddress = _app.Address };

        using var response = await http.PostAsync(new Uri("/cleanup", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Empty(body["Outputs"]!.AsObject());
        Assert.StartsWith("Deleted ", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(body.ContainsKey("ReturnValue"));
    }

    public async Task InitializeAsync()
    {
        if (File.Exists(AotFactAttribute.BinaryPath))
        {
            _app = await StartAsync(_ => { });
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task<WeChatInstance> StartAsync(Action<Dictionary<string, string?>> changeSettings)
    {
        var settings = WeChatApplication.DefaultSettings(Fixture.Storage, Fixture.Model);
        changeSettings(settings);
        return WeChatInstance.StartAsync(settings, AotFactAttribute.BinaryPath);
    }
}

/// <summary>A test of the native AOT binary, skipped with a reason when it has not been published.</summary>
public sealed class AotFactAttribute : FactAttribute
{
    public static readonly string BinaryPath = Path.Combine(RepositoryRoot.Path, ".aot", "WeChatFunctions");

    public AotFactAttribute()
    {
        // CI always publishes it first, so there a missing binary fails the tests rather than skipping them.
        if (!File.Exists(BinaryPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"No native AOT binary at {BinaryPath}; run scripts/publish-aot.sh first.";
        }
    }
}
