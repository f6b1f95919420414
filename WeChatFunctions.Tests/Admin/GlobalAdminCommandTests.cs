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

        Assert.Equal("已完成。", await new AdminConsole(first, _admin, Token).RunAsync("set_token", "brand-new-token-16"));

        Assert.StartsWith("管理命令", await new AdminConsole(second, _admin, "brand-new-token-16").RunAsync("help"), StringComparison.Ordinal);
        Assert.Equal(Refused, await new AdminConsole(second, _admin, Token).RunAsync("help"));
    }

    [Fact]
    public async Task ChangingTheTokenSettingRevokesATokenSetByCommand()
    {
        var before = App();
        await new AdminConsole(before, _admin, Token).RunAsync("set_token", "intruders-token-0001");

        // The operator rotates the setting after a leak; instances restart with it.
        var after = _fixture.StartApplication(settings => settings["token"] = "rotated-token-00001").CreateWeChatClient();

        Assert.Equal(Refused, await new AdminConsole(after, _admin, "intruders-token-0001").RunAsync("help"));
        Assert.StartsWith("管理命令", await new AdminConsole(after, _admin, "rotated-token-00001").RunAsync("help"), StringComparison.Ordinal);
        Assert.Contains("token：已设置（不显示）", await new AdminConsole(after, _admin, "rotated-token-00001").RunAsync("get_config"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTokenTakesNoTokenShorterThanSixteenCharacters()
    {
        var admin = new AdminConsole(App(), _admin, Token);

        Assert.StartsWith("用法：set_token", await admin.RunAsync("set_token", "fifteen-chars-x"), StringComparison.Ordinal);
        Assert.StartsWith("管理命令", await admin.RunAsync("help"), StringComparison.Ordinal);
    }

    private WeChatClient App() => _fixture.StartApplication().CreateWeChatClient();
}
