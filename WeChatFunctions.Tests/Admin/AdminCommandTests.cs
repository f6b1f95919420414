using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Admin;

/// <summary>The in-chat admin commands, against the real app and Azurite.</summary>
public sealed class AdminCommandTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Refused = "无法执行该命令。";
    private const string Token = WeChatApplication.AdminToken;

    private readonly string _admin = WeChatClient.NewFollowerId();

    [Fact]
    public async Task HelpListsEveryCommandWithItsUsage()
    {
        var help = await Console().RunAsync("help");

        foreach (var command in new[] { "add_white_list", "remove_white_list", "list_white_list", "set_limit", "set_default_limit", "block", "unblock", "get_user", "reset_session", "set_token", "get_config", "get_stat", "get_audit" })
        {
            Assert.Contains($"• {command}", help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("几条")]
    public async Task AnAuditCountOutsideOneToFiftyGetsTheUsage(string count)
    {
        var reply = await Console().RunAsync("get_audit", count);

        Assert.StartsWith("用法：get_audit", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCommandsNeverReachTheModelNorTheHistory()
    {
        await Console().RunAsync("help");

        Assert.Empty(Fixture.Model.Requests);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, _admin));
    }

    [Theory]
    [InlineData("  ADMIN-COMMAND：{0}\nhelp")]
    [InlineData("Admin-Command : {0} \n HELP \n")]
    [InlineData("admin-command：not-the-token\nhelp")]
    public async Task AnAdminCommandTypedLooselyIsStillAnAdminCommandAndNeverReachesTheModel(string message)
    {
        var reply = await Fixture.WeChat.AskAsync(_admin, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Token));

        Assert.True(reply.StartsWith("管理命令", StringComparison.Ordinal) || reply == Refused, reply);
        Assert.Equal(message.Contains("not-the-token", StringComparison.Ordinal), reply == Refused);
        Assert.Empty(Fixture.Model.Requests);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, _admin));
    }

    [Fact]
    public async Task AWrongTokenAndANonAdminSenderGetTheSameNeutralRefusal()
    {
        var weChat = App(settings => settings["admin_user_ids"] = _admin);

        var wrongToken = await new AdminConsole(weChat, _admin, "not-the-token").RunAsync("help");
        var notAnAdmin = await new AdminConsole(weChat, Follower, Token).RunAsync("help");

        Assert.Equal(Refused, wrongToken);
        Assert.Equal(Refused, notAnAdmin);
    }

    [Fact]
    public async Task FiveFailuresLockTheSenderOutEvenWithTheRightToken()
    {
        var weChat = App();
        var guesser = new AdminConsole(weChat, _admin, "guess");

        for (var failure = 0; failure < 5; failure++)
        {
            Assert.Equal(Refused, await guesser.RunAsync("help"));
        }

        Assert.Equal(Refused, await new AdminConsole(weChat, _admin, Token).RunAsync("help"));
        Assert.StartsWith("管理命令", await new AdminConsole(weChat, Follower, Token).RunAsync("help"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessesSentAtOnceAreCountedOneByOneTowardTheLockout()
    {
        var weChat = App();
        var guesser = new AdminConsole(weChat, _admin, "guess");

        var refusals = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => guesser.RunAsync("help")));

        Assert.All(refusals, refusal => Assert.Equal(Refused, refusal));
        Assert.Equal(Refused, await new AdminConsole(weChat, _admin, Token).RunAsync("help"));
    }

    [Fact]
    public async Task WhiteListedFollowersHaveNoLimitUntilRemoved()
    {
        var weChat = App(settings => settings["daily_limit"] = "1");
        var admin = new AdminConsole(weChat, _admin, Token);

        Assert.Equal("已完成。", await admin.RunAsync("add_white_list", Follower));
        Assert.Contains(Follower, await admin.RunAsync("list_white_list"), StringComparison.Ordinal);
        await weChat.AskAsync(Follower, "一");
        var second = await weChat.AskAsync(Follower, "二");
        await admin.RunAsync("remove_white_list", Follower);
        var third = await weChat.AskAsync(Follower, "三");

        Assert.Equal("回答：二", second);
        Assert.StartsWith("今天的提问次数（1 次）已经用完了", third, StringComparison.Ordinal);
        Assert.DoesNotContain(Follower, await admin.RunAsync("list_white_list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlockedFollowerIsRefusedWithoutAModelCallUntilUnblocked()
    {
        var admin = Console();

        await admin.RunAsync("block", Follower);
        var blocked = await Fixture.WeChat.AskAsync(Follower, "被禁用时的问题");
        await admin.RunAsync("unblock", Follower);
        var unblocked = await Fixture.WeChat.AskAsync(Follower, "恢复后的问题");

        Assert.Equal("抱歉，你暂时无法使用本服务。", blocked);
        Assert.Empty(Fixture.Model.RequestsAbout("被禁用时的问题"));
        Assert.Equal("回答：恢复后的问题", unblocked);
    }

    [Fact]
    public async Task ResetSessionMakesTheFollowersNextQuestionStartAfresh()
    {
        await Fixture.WeChat.AskAsync(Follower, "重置前的问题");

        await Console().RunAsync("reset_session", Follower);
        await Fixture.WeChat.AskAsync(Follower, "重置后的问题");

        var request = Assert.Single(Fixture.Model.RequestsAbout("重置后的问题"));
        Assert.Equal(["system", "user"], request.Messages.Select(message => message.Role));
    }

    [Fact]
    public async Task GetConfigMasksSecretsAndNeverShowsTheTokens()
    {
        var config = await Console().RunAsync("get_config");

        Assert.Contains("chat_gpt_token：sk-…cdef", config, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-0123456789abcdef", config, StringComparison.Ordinal);
        Assert.DoesNotContain(WeChatApplication.WeChatToken, config, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, config, StringComparison.Ordinal);
        Assert.Contains("chat_gpt_model：fake-gpt", config, StringComparison.Ordinal);
        Assert.Contains("daily_limit：20", config, StringComparison.Ordinal);
        Assert.Contains("rate_limit_per_minute：0", config, StringComparison.Ordinal);
        Assert.Contains("moderation：off", config, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add_white_list", "", "用法：add_white_list {openid}")]
    [InlineData("add_white_list", "not an openid!", "用法：add_white_list {openid}")]
    [InlineData("set_limit", "onlyone", "用法：set_limit {openid},{次数}")]
    [InlineData("set_limit", "o12345678,-3", "用法：set_limit {openid},{次数}")]
    [InlineData("set_limit", "o12345678,lots", "用法：set_limit {openid},{次数}")]
    [InlineData("set_default_limit", "many", "用法：set_default_limit {次数}")]
    [InlineData("set_token", "short", "用法：set_token {新口令}")]
    [InlineData("get_user", "", "用法：get_user {openid}")]
    [InlineData("no_such_command", "", "没有「no_such_command」这个命令")]
    public async Task BadArgumentsGetTheCommandsUsageAndChangeNothing(string command, string arguments, string expected)
    {
        var reply = await Console().RunAsync(command, arguments);

        Assert.StartsWith(expected, reply, StringComparison.Ordinal);
        Assert.StartsWith("管理命令", await Console().RunAsync("help"), StringComparison.Ordinal);
        Assert.Contains("限额：20\n今日 token：0+0，限额：不限\n白名单：否，已禁用：否", await Console().RunAsync("get_user", "o12345678"), StringComparison.Ordinal);
    }

    private AdminConsole Console() => new(Fixture.WeChat, _admin, Token);

    private WeChatClient App(Action<Dictionary<string, string?>>? changeSettings = null) =>
        Fixture.StartApplication(settings =>
        {
            settings["token"] = Token;
            changeSettings?.Invoke(settings);
        }).CreateWeChatClient();
}
