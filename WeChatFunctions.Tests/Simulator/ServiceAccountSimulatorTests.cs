using System.Globalization;
using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Simulator;

/// <summary>The simulator playing WeChat's API too: customer-service messages shown as they come, and the custom menu.</summary>
public sealed class ServiceAccountSimulatorTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string AppId = "wxsimulator000000";

    private const string AppSecret = "simulatorappsecret0000000000000";

    [Fact]
    public async Task WithServiceAccountItShowsTheAnswerPushedAfterAnEmptyReply()
    {
        var port = FreePort.Next();
        var app = Fixture.StartApplication(settings =>
        {
            settings["reply_mode"] = "customer_service";
            settings["wechat_app_id"] = AppId;
            settings["wechat_app_secret"] = AppSecret;
            settings["wechat_api_base"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        });
        var output = new StringWriter();

        var exitCode = await WeChatFunctions.Simulator.Simulator.RunAsync(
            ["--url", new Uri(app.ServerAddress, "/api/wechat").ToString(), "--token", WeChatApplication.WeChatToken, "--service-account", "--api-port", port.ToString(CultureInfo.InvariantCulture), "你好"],
            TextReader.Null,
            output);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("没有回复（success）", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[客服消息 1/5，提问后 ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("秒]\n回答：你好\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("共 1 条客服消息；access_token 获取 1 次，因 token 无效被拒 0 次", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMenuCommandCreatesShowsAndDeletesTheMenuThroughWeChatsApi()
    {
        await using var api = new WeChatApiServer(AppId, AppSecret);
        var file = Path.Combine(Path.GetTempPath(), $"menu-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"button":[{"type":"click","name":"今日推荐","key":"TODAY_PICK"}]}""");
        string[] account = ["--app-id", AppId, "--app-secret", AppSecret, "--api-base", api.BaseAddress.ToString()];

        var created = await RunAsync(["menu", "create", file, .. account]);
        var shown = await RunAsync(["menu", "show", .. account]);
        var deleted = await RunAsync(["menu", "delete", .. account]);
        var gone = await RunAsync(["menu", "show", .. account]);
        var wrongSecret = await RunAsync(["menu", "show", "--app-id", AppId, "--app-secret", "wrong", "--api-base", api.BaseAddress.ToString()]);
        File.Delete(file);

        Assert.Equal((0, "完成。\n"), created);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("\"key\":\"TODAY_PICK\"", shown.Output, StringComparison.Ordinal);
        Assert.Equal((0, "完成。\n"), deleted);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("46003", gone.Output, StringComparison.Ordinal);
        Assert.Equal(1, wrongSecret.ExitCode);
        Assert.Contains("获取 access_token 失败", wrongSecret.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await WeChatFunctions.Simulator.Simulator.RunAsync(args, TextReader.Null, output);
        return (exitCode, output.ToString());
    }
}
