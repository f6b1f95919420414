using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>Admin commands that change what every follower and instance sees, each test on its own storage.</summary>
public sealed class GlobalAdminCommandTests : IAsyncLifetime
{
    private const string Refused = "无法执行该命令。";
    private const string Token = WeChatApplication.AdminToken;

    private readonly WeChatFixture _fixture = new();
    private readonly string _admin = WeChatClient.NewFollowerId();

    private string Follower { get; } = WeChatClient.NewFollowerId();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task SetLimitAndSetDefaultLimitChangeTheDailyLimits()
    {
        var weChat = App();
        var admin = new AdminConsole(weChat, _admin, Token);
        var other = WeChatClient.NewFollowerId();

        await admin.RunAsync("set_limit", $"{Follower}，1");
        await weChat.AskAsync(Follower, "限额内");
        var refused = await weChat.AskAsync(Follower, "超出");
        var user = await admin.RunAsync("get_user", Follower);

        Assert.StartsWith("今天的提问次数（1 次）", refused, StringComparison.Ordinal);
        Assert.Contains("今日已问：1 次，限额：1", user, StringComparison.Ordinal);

        await admin.RunAsync("set_default_limit", "0");
        Assert.Contains("限额：不限", await admin.RunAsync("get_user", other), StringComparison.Ordinal);
        Assert.Contains("已被 set_default_limit 改为 0", await admin.RunAsync("get_config"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTokenTakesEffectOnEveryInstance()
    {
        var first = App();
        var second = App();

        Assert.Equal("已完成。", await new AdminConsole(first, _admin, Token).RunAsync("set_token", "brand-new-token"));

        Assert.StartsWith("管理命令", await new AdminConsole(second, _admin, "brand-new-token").RunAsync("help"), StringComparison.Ordinal);
        Assert.Equal(Refused, await new AdminConsole(second, _admin, Token).RunAsync("help"));
    }

    private WeChatClient App() => _fixture.StartApplication().CreateWeChatClient();
}
