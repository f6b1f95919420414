using System.Net;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Hosting;

/// <summary>The standalone host as a container or a VM runs it.</summary>
public sealed class StandaloneHostTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("wechatfunctions-").FullName;

    [Fact]
    public async Task TheAppListensOnAllInterfacesAtThePortTheContainerImagesSet()
    {
        var port = FreePort.Next();
        var settings = WeChatApplication.DefaultSettings(fixture.Storage, fixture.Model);
        settings["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var app = AppProcess.Start(settings, _directory);
        using var reported = await app.WaitUntilListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await new WeChatClient(http, WeChatApplication.WeChatToken).VerifyAsync("container");

        Assert.Equal(port, reported.BaseAddress!.Port);
        Assert.Contains(reported.BaseAddress.Host, (string[])["[::]", "0.0.0.0"]);
        Assert.Equal("container", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOriginalProjectsWeChatPathAnswersLikeTheFunctionsRoute()
    {
        var weChat = new WeChatClient(fixture.StartApplication().CreateClient(), WeChatApplication.WeChatToken, "/wechat");

        using var check = await weChat.VerifyAsync("moved-over");
        using var forged = await weChat.VerifyAsync("forged", Signing.Forged);
        var answer = await weChat.AskAsync(WeChatClient.NewFollowerId(), "旧地址也能用吗");

        Assert.Equal("moved-over", await check.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("回答：旧地址也能用吗", answer);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
