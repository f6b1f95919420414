using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Commands;

/// <summary>Followers' own commands: answered at once, never sent to the model, never charged.</summary>
public sealed class UserCommandTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Theory]
    [InlineData("/help")]
    [InlineData("帮助")]
    [InlineData("/HELP")]
    public async Task HelpListsTheCommandsAndContinue(string message)
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, message);

        Assert.StartsWith("可用命令：", reply, StringComparison.Ordinal);
        Assert.Contains("/reset", reply, StringComparison.Ordinal);
        Assert.Contains("「继续」", reply, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Theory]
    [InlineData("/reset")]
    [InlineData("新对话")]
    public async Task ResetEmptiesTheContextSentToTheModel(string message)
    {
        await Fixture.WeChat.AskAsync(Follower, "第一个问题");

        var reply = await Fixture.WeChat.AskAsync(Follower, message);
        await Fixture.WeChat.AskAsync(Follower, "第二个问题");

        Assert.Equal("已开始新对话，之前的内容不会再发给 AI。", reply);
        var request = Assert.Single(Fixture.Model.RequestsAbout("第二个问题"));
        Assert.Equal(["system", "user"], request.Messages.Select(turn => turn.Role));
    }

    [Fact]
    public async Task AThousandCharacterPromptIsShownCutToOneWeChatMessage()
    {
        var prompt = string.Concat(Enumerable.Repeat("你是一位耐心的中文老师。\n", 77))[..1000];
        await Fixture.WeChat.AskAsync(Follower, "/prompt " + prompt);

        var shown = await Fixture.WeChat.AskAsync(Follower, "/prompt");

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(shown), 1, 2048);
        Assert.StartsWith("你的专属系统提示词：\n你是一位耐心的中文老师。\n", shown, StringComparison.Ordinal);
        Assert.EndsWith("老师。\n（超出微信单条消息的长度，后面的内容没有显示。）", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/prompt ")]
    [InlineData("设定 ")]
    public async Task APersonalPromptReplacesTheSystemPromptUntilReset(string command)
    {
        var saved = await Fixture.WeChat.AskAsync(Follower, command + "你是一只会说中文的猫。");
        var shown = await Fixture.WeChat.AskAsync(Follower, "/prompt");
        await Fixture.WeChat.AskAsync(Follower, "你是谁");
        var reset = await Fixture.WeChat.AskAsync(Follower, "/prompt reset");
        await Fixture.WeChat.AskAsync(Follower, "现在你是谁");

        Assert.Equal("已设定你的专属系统提示词，从下一个问题开始生效。", saved);
        Assert.Equal("你的专属系统提示词：\n你是一只会说中文的猫。", shown);
        Assert.Equal("你是一只会说中文的猫。", RequestFor("你是谁").Messages[0].Content);
        Assert.Equal("已恢复默认的系统提示词。", reset);
        Assert.StartsWith("你是一个运行在微信公众号里的智能助手", RequestFor("现在你是谁").Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APromptOverAThousandCharactersGetsTheUsageAndChangesNothing()
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, "/prompt " + new string('长', 1001));

        Assert.StartsWith("用法：/prompt", reply, StringComparison.Ordinal);
        Assert.StartsWith("你正在使用默认的系统提示词", await Fixture.WeChat.AskAsync(Follower, "/prompt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowerPicksAnAllowedModelAndAnUnknownOneListsTheAllowed()
    {
        var weChat = Fixture.StartApplication(settings => settings["allowed_models"] = "fake-gpt, fake-large").CreateWeChatClient();

        var unknown = await weChat.AskAsync(Follower, "/model gpt-5-pro");
        var chosen = await weChat.AskAsync(Follower, "/model FAKE-large");
        var shown = await weChat.AskAsync(Follower, "/model");
        await weChat.AskAsync(Follower, "用大模型回答");

        Assert.Equal("没有可选的模型「gpt-5-pro」。可选模型：fake-gpt、fake-large", unknown);
        Assert.Equal("已切换到模型 fake-large。", chosen);
        Assert.Equal("当前模型：fake-large\n可选模型：fake-gpt、fake-large", shown);
        Assert.Equal("fake-large", Assert.Single(Fixture.Model.RequestsAbout("用大模型回答")).Model);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-0.5")]
    [InlineData("暖一点")]
    [InlineData("")]
    public async Task ATemperatureOutsideZeroToTwoGetsTheUsageAndChangesNothing(string argument)
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, $"/temperature {argument}");
        await Fixture.WeChat.AskAsync(Follower, "默认温度");

        Assert.StartsWith("用法：/temperature", reply, StringComparison.Ordinal);
        Assert.Null(Assert.Single(Fixture.Model.RequestsAbout("默认温度")).Temperature);
    }

    [Fact]
    public async Task TheTemperatureIsSentWithEveryQuestionFromAnyInstance()
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, "/temperature 0.3");
        await Fixture.StartApplication().CreateWeChatClient().AskAsync(Follower, "另一个实例");

        Assert.Equal("已把 temperature 设为 0.3。", reply);
        Assert.Equal(0.3, Assert.Single(Fixture.Model.RequestsAbout("另一个实例")).Temperature!.Value, 3);
    }

    [Fact]
    public async Task UsageAndSettingsShowTheDayAndTheEffectiveChoices()
    {
        var weChat = Fixture.StartApplication(settings => settings["daily_limit"] = "5").CreateWeChatClient();
        await weChat.AskAsync(Follower, "问题一");
        await weChat.AskAsync(Follower, "问题二");
        await weChat.AskAsync(Follower, "/temperature 1.2");

        var usage = await weChat.AskAsync(Follower, "用量");
        var settings = await weChat.AskAsync(Follower, "/settings");

        Assert.StartsWith("今天已提问 2 次，还剩 3 次（每天 5 次），约 ", usage, StringComparison.Ordinal);
        Assert.Equal("你的当前设置：\n系统提示词：默认\n模型：fake-gpt\ntemperature：1.2\n每日提问次数：5", settings);
    }

    [Fact]
    public async Task CommandsCostNoQuota()
    {
        var weChat = Fixture.StartApplication(settings => settings["daily_limit"] = "1").CreateWeChatClient();
        foreach (var command in new[] { "/help", "/usage", "/settings", "/prompt", "/model", "/reset", "/nonsense" })
        {
            await weChat.AskAsync(Follower, command);
        }

        var answer = await weChat.AskAsync(Follower, "唯一的问题");

        Assert.Equal("回答：唯一的问题", answer);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AnUnknownCommandPointsToHelp()
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, "/weather 北京");

        Assert.Equal("未知命令 /weather，发送 /help 查看可用命令。", reply);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task WithUserCommandsDisabledASlashMessageIsAQuestion()
    {
        var weChat = Fixture.StartApplication(settings => settings["user_commands_enabled"] = "false").CreateWeChatClient();

        var reply = await weChat.AskAsync(Follower, "/help");

        Assert.Equal("回答：/help", reply);
    }

    private FakeChatRequest RequestFor(string question) =>
        Assert.Single(Fixture.Model.Requests, request => request.LastUserMessage == question);
}
