using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Memory;

/// <summary>The dashboard shows how many followers have facts and how many, as the cleanup counted them; never the facts. On storage of its own, so the counts are this test's alone.</summary>
public sealed class MemoryCensusTests : IAsyncLifetime
{
    private readonly WeChatFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task TheDashboardShowsTheCountsTheCleanupTookAndNoFact()
    {
        var application = _fixture.StartApplication();
        var weChat = application.CreateWeChatClient();
        var (first, second, cleared, emptied) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        await application.RememberAsync(first, "对花生过敏");
        await application.RememberAsync(first, "住在杭州");
        await application.RememberAsync(second, "喜欢简短的回答");
        await application.RememberAsync(cleared, "养了一只猫");
        await weChat.AskAsync(cleared, "/memory clear");
        await application.RememberAsync(emptied, "在学日语");
        await weChat.AskAsync(emptied, "/memory forget 1");
        var browser = new DashboardBrowser(application, "127.0.2.40");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await AdminConsole.NewAdmin(weChat).RunAsync("dashboard")));

        var before = await (await browser.OpenAsync()).Content.ReadAsStringAsync();
        await application.Services.GetRequiredService<ExpiredDataCleanup>().RunAsync(CancellationToken.None);
        var after = await (await browser.OpenAsync()).Content.ReadAsStringAsync();

        Assert.Contains("<p id=\"memory\">清理任务还没有统计过。</p>", before, StringComparison.Ordinal);
        Assert.Matches("<p id=\"memory\">2 位粉丝共有 3 条记忆（\\d\\d-\\d\\d \\d\\d:\\d\\d 清理任务统计，北京时间）。</p>", after);
        Assert.All(["花生", "杭州", "简短", "猫", "日语"], fact => Assert.DoesNotContain(fact, after, StringComparison.Ordinal));
    }
}
