using System.Globalization;
using System.Net;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Publishing;
using Xunit.Abstractions;

namespace WeChatFunctions.Tests.Deployment;

/// <summary>
/// The Dockerfile as an operator uses it: the image built from a clean checkout of HEAD, run with a real Azurite and the
/// fake model, answering WeChat's URL check and a question on its port, with the ffmpeg that transcription needs.
/// </summary>
[Collection(HeavyBuilds.Name)]
public sealed class ContainerImageTests(ITestOutputHelper output) : IDisposable
{
    private const string AppUserId = "1654";

    private readonly string _checkout = Directory.CreateTempSubdirectory("wechatfunctions-image-").FullName;

    [ContainerFact]
    public async Task TheImageBuiltFromACleanCheckoutRunsAsNonRootAndAnswersWeChatOnItsPort()
    {
        var engine = ContainerEngine.Find()!;
        var tag = "wechatfunctions-test:" + Guid.NewGuid().ToString("N")[..8];
        var name = "wechatfunctions-test-" + Guid.NewGuid().ToString("N")[..8];
        await CommandLine.OutputOfAsync("bash", "-c", $"git -C '{RepositoryRoot.Path}' archive HEAD | tar -x -C '{_checkout}'");
        await using var storage = await AzuriteServer.StartAsync();
        await using var model = await FakeModelServer.StartAsync();

        try
        {
            output.WriteLine(await engine.BuildAsync(_checkout, tag));
            var configuration = await engine.ConfigurationAsync(tag);
            var port = FreePort.Next();
            var settings = WeChatApplication.DefaultSettings(storage, model);
            // The host's network: the app takes a free port of the machine rather than the image's 8080.
            settings["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture);
            settings[AppProcess.ListeningLogLevel] = "Information";
            var entryPoint = configuration["Entrypoint"]!.AsArray().Select(part => part!.GetValue<string>()).ToArray();
            var arguments = await engine.StartArgumentsAsync(tag, name, settings, entryPoint);

            await using var app = AppProcess.StartCommand(engine.Tool, arguments, new Dictionary<string, string?>(), _checkout);
            using var reported = await app.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var weChat = new WeChatClient(http, WeChatApplication.WeChatToken);
            using var check = await weChat.VerifyAsync("from-the-image");
            var answer = await weChat.AskAsync(WeChatClient.NewFollowerId(), "容器里能回答吗");
            var user = (await engine.ExecuteAsync(name, "id", "-u")).Trim();
            var ffmpeg = await engine.ExecuteAsync(name, "ffmpeg", "-hide_banner", "-version");
            output.WriteLine($"Image {tag}: {await engine.SizeAsync(tag)}; listening on {reported.BaseAddress}");

            Assert.Equal(AppUserId, configuration["User"]!.GetValue<string>());
            Assert.Equal(AppUserId, user);
            Assert.True(configuration["ExposedPorts"]!.AsObject().ContainsKey("8080/tcp"));
            Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", configuration["Env"]!.AsArray().Select(variable => variable!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            Assert.Equal("from-the-image", await check.Content.ReadAsStringAsync());
            Assert.Equal("回答：容器里能回答吗", answer);
            Assert.StartsWith("ffmpeg version", ffmpeg, StringComparison.Ordinal);
        }
        finally
        {
            await engine.RemoveAsync(name);
            await engine.RemoveImageAsync(tag);
        }
    }

    public void Dispose() => Directory.Delete(_checkout, recursive: true);
}
