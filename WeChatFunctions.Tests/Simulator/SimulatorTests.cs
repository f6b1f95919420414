using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.WeChat;

namespace WeChatFunctions.Tests.Simulator;

/// <summary>The simulator run as an operator runs it, non-interactively and as a chat, against the real app.</summary>
public sealed class SimulatorTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AChatMessageIsAnsweredAndTheAttemptIsShown()
    {
        var (exitCode, output) = await SimulateAsync(App(), "--token", WeChatApplication.WeChatToken, "你好");

        Assert.True(exitCode == 0, output);
        Assert.Contains("> 你好\n[第 1 次请求，", output, StringComparison.Ordinal);
        Assert.Contains("回复：\n回答：你好", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongAnswerIsReadPageByPageWithContinue()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 400).Select(index => $"第{index}句话。")) });

        var (exitCode, output) = await SimulateAsync(App(), "--token", WeChatApplication.WeChatToken, "长回答", "继续", "继续");

        Assert.True(exitCode == 0, output);
        Assert.Contains("（未完，回复「继续」查看后续）", output, StringComparison.Ordinal);
        Assert.Contains("回复：\n(2/", output, StringComparison.Ordinal);
        Assert.Contains("回复：\n(3/", output, StringComparison.Ordinal);
        Assert.Single(Fixture.Model.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEncryptedExchangeIsSignedEncryptedAndCheckedBothWays(bool compat)
    {
        var key = MessageCryptoTests.RandomEncodingAesKey();
        var app = Fixture.StartApplication(settings =>
        {
            settings["wechat_app_id"] = "wxsimulator000001";
            settings["wechat_encoding_aes_key"] = key;
        });
        string[] options = ["--token", WeChatApplication.WeChatToken, "--app-id", "wxsimulator000001", "--aes-key", key, .. compat ? new[] { "--compat" } : []];

        var (exitCode, output) = await SimulateAsync(app, [.. options, "加密的你好"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains(compat ? "兼容模式" : "安全模式", await SimulateInteractivelyAsync(app, ":quit", options), StringComparison.Ordinal);
        Assert.Contains("回复：\n回答：加密的你好", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTokenIsReportedAsWeChatWouldReportIt()
    {
        var (exitCode, output) = await SimulateAsync(App(), "--token", "wrongtoken", "你好");
        var (verifyExitCode, verifyOutput) = await SimulateAsync(App(), "--token", "wrongtoken", "--verify");

        Assert.True(exitCode == 1, output);
        Assert.Contains("微信显示：该公众号暂时无法提供服务，请稍后再试", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", output, StringComparison.Ordinal);
        Assert.Equal(1, verifyExitCode);
        Assert.Contains("token验证失败", verifyOutput, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task TheUrlCheckPassesWithTheRightToken()
    {
        var (exitCode, output) = await SimulateAsync(App(), "--token", WeChatApplication.WeChatToken, "--verify");

        Assert.True(exitCode == 0, output);
        Assert.Contains("URL 校验通过", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractivelyAFollowerSubscribesSpeaksAndSwitchesOpenId()
    {
        var second = WeChatClient.NewFollowerId();

        var output = await SimulateInteractivelyAsync(App(), $":subscribe\n:voice 今天天气怎么样\n:openid {second}\n换人问\n:quit\n不会发送", "--token", WeChatApplication.WeChatToken);

        Assert.Contains("你好，欢迎关注！", output, StringComparison.Ordinal);
        Assert.Contains("回答：今天天气怎么样", output, StringComparison.Ordinal);
        Assert.Contains($"已切换到粉丝 {second}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("不会发送", output, StringComparison.Ordinal);
        Assert.Contains(await StoredConversation.TurnsOfAsync(Fixture.Storage, second), turn => turn.GetString("Content") == "换人问");
    }

    [Fact]
    public async Task AnImageFromALocalFileReachesTheModelWithTheNextQuestion()
    {
        var file = Path.Combine(Path.GetTempPath(), $"simulator-{Guid.NewGuid():N}.png");
        var image = ImageServer.Png(4096);
        await File.WriteAllBytesAsync(file, image);

        var (exitCode, output) = await SimulateAsync(App(), "--token", WeChatApplication.WeChatToken, $":image {file}", "这是什么图？");

        Assert.True(exitCode == 0, output);
        Assert.Contains("收到图片了！", output, StringComparison.Ordinal);
        var request = Assert.Single(Fixture.Model.Requests, request => request.LastUserMessage == "这是什么图？");
        Assert.Equal(["data:image/png;base64," + Convert.ToBase64String(image)], request.Messages[^1].ImageUrls);
    }

    [Theory]
    [InlineData("toolong", "超过微信的 2048 字节上限")]
    [InlineData("misaddressed", "ToUserName 应为粉丝的 OpenID")]
    [InlineData("json", "回复不是合法的 XML")]
    public async Task AReplyThatWouldFaultShowsWeChatsTextAndWhy(string kind, string reason)
    {
        var (server, address) = InProcessHosts.StartOnLoopback(app => app.MapPost("/api/wechat", (HttpRequest request) =>
        {
            var follower = request.Query["openid"].ToString();
            var to = kind == "misaddressed" ? "o_someone_else" : follower;
            var content = kind == "toolong" ? new string('长', 700) : "短";
            return kind == "json"
                ? Results.Json(new { content })
                : Results.Text($"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[gh_simulator]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content></xml>", "application/xml");
        }));
        await using var _ = server;

        var (exitCode, output) = await RunAsync(["--url", new Uri(address, "/api/wechat").ToString(), "--token", "anytoken", "你好"]);

        Assert.True(exitCode == 1, output);
        Assert.Contains("微信显示：该公众号提供的服务出现故障，请稍后再试", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }

    private WeChatApplication App() => Fixture.StartApplication();

    private static Task<(int ExitCode, string Output)> SimulateAsync(WeChatApplication app, params string[] args) =>
        RunAsync(["--url", new Uri(app.ServerAddress, "/api/wechat").ToString(), .. args]);

    private static async Task<string> SimulateInteractivelyAsync(WeChatApplication app, string lines, params string[] args)
    {
        var output = new StringWriter();
        await WeChatFunctions.Simulator.Simulator.RunAsync(["--url", new Uri(app.ServerAddress, "/api/wechat").ToString(), .. args], new StringReader(lines), output);
        return output.ToString();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var exitCode = await WeChatFunctions.Simulator.Simulator.RunAsync(args, TextReader.Null, output);
        return (exitCode, output.ToString());
    }
}
