using System.Text.Json;
using WeChatFunctions.Dialog;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Memory;

/// <summary>The <c>remember</c> tool, run from the app's catalog, and what the follower's later questions carry to the model.</summary>
public sealed class RememberToolTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task TheModelRemembersAFactThroughWeChatTheReplySaysSoAndTheNextQuestionCarriesIt()
    {
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("remember", "{\"fact\":\"对花生过敏\"}", answer: _ => "好的，我记住了。"));

        var reply = await Fixture.WeChat.AskAsync(Follower, "请记住我对花生过敏");
        Fixture.Model.Reset();
        await Fixture.WeChat.AskAsync(Follower, "推荐一道菜");

        Assert.Equal("好的，我记住了。\n\n已记住：对花生过敏", reply);
        Assert.Contains("1. 对花生过敏", Remembering.FactsIn(Assert.Single(Fixture.Model.Requests)), StringComparison.Ordinal);
        Assert.Equal(["请记住我对花生过敏", "好的，我记住了。"], (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Select(turn => turn.GetString("Content")).Reverse().Take(2));
    }

    [Fact]
    public async Task ARememberedFactReachesTheNextQuestionFencedAfterTheSystemPromptAndTheFollowerIsToldSo()
    {
        var application = Fixture.StartApplication();

        var result = await application.RememberAsync(Follower, "对花生过敏");
        await application.CreateWeChatClient().AskAsync(Follower, "推荐一道菜");

        Assert.Equal("已记住：对花生过敏", result.Footnote);
        Assert.StartsWith("已记住。", result.Text, StringComparison.Ordinal);
        var request = Assert.Single(Fixture.Model.Requests);
        Assert.Equal(["system", "user", "user"], request.Messages.Select(message => message.Role));
        Assert.Equal($"{Remembering.FactsOpening}\n这位用户以前让你记住的关于他的事（按记下的先后）：\n1. 对花生过敏\n</quoted-material>", request.Messages[1].Content);
        Assert.Equal("推荐一道菜", request.Messages[2].Content);
        Assert.DoesNotContain("花生", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.EndsWith(QuotedMaterial.Instruction, request.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactsReachEveryLaterConversationOfTheFollowerOnAnyInstanceAfterResetTooAndNoOneElses()
    {
        var application = Fixture.StartApplication();
        var weChat = application.CreateWeChatClient();
        var someoneElse = WeChatClient.NewFollowerId();
        await application.RememberAsync(Follower, "住在杭州");

        await weChat.AskAsync(Follower, "第一个问题");
        await weChat.AskAsync(Follower, "/reset");
        await weChat.AskAsync(Follower, "重置后的问题");
        await Fixture.WeChat.AskAsync(Follower, "另一个实例上的问题");
        await weChat.AskAsync(someoneElse, "别人的问题");

        Assert.All(
            ["第一个问题", "重置后的问题", "另一个实例上的问题"],
            question => Assert.Contains("1. 住在杭州", Remembering.FactsIn(RequestFor(question)), StringComparison.Ordinal));
        Assert.Equal(["system", "user", "user"], RequestFor("重置后的问题").Messages.Select(message => message.Role));
        var others = RequestFor("别人的问题");
        Assert.Equal(["system", "user"], others.Messages.Select(message => message.Role));
        Assert.DoesNotContain(others.Messages, message => message.Content.Contains("杭州", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFiftyFirstFactPushesOutTheOldestAndARepeatedFactIsKeptOnceAsTheNewest()
    {
        var application = Fixture.StartApplication();
        for (var number = 1; number <= 51; number++)
        {
            await application.RememberAsync(Follower, $"第{number}条事实");
        }

        var repeated = await application.RememberAsync(Follower, "第30条事实");
        var list = await application.CreateWeChatClient().AskAsync(Follower, "/memory");
        await application.CreateWeChatClient().AskAsync(Follower, "我的事实有哪些");

        Assert.Contains("现在共记住 50 条，最多 50 条", repeated.Text, StringComparison.Ordinal);
        Assert.StartsWith("我记住的关于你的事（共 50 条）：\n1. 第2条事实\n2. 第3条事实\n", list, StringComparison.Ordinal);
        Assert.Contains("\n28. 第29条事实\n29. 第31条事实\n", list, StringComparison.Ordinal);
        Assert.Contains("\n50. 第30条事实\n", list, StringComparison.Ordinal);
        Assert.DoesNotContain("第1条事实", list, StringComparison.Ordinal);
        var facts = Remembering.FactsIn(Assert.Single(Fixture.Model.Requests));
        Assert.Contains("\n1. 第2条事实\n", facts, StringComparison.Ordinal);
        Assert.EndsWith("\n50. 第30条事实\n</quoted-material>", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFactOverTwoHundredCharactersOrNoneIsRefusedWithAReasonForTheModelAndNothingIsStored()
    {
        var application = Fixture.StartApplication();

        var tooLong = await Assert.ThrowsAsync<ToolFailedException>(() => application.RememberAsync(Follower, new string('长', 201)));
        var missing = await Assert.ThrowsAsync<ToolFailedException>(() => application.RunRememberAsync(Follower, JsonElement.Parse("""{"text":"对花生过敏"}""")));

        Assert.Equal("没有记住：这条有 201 个字符，超过了 200 个字符的上限。请概括得更短后再记。", tooLong.Message);
        Assert.Equal("缺少参数 fact。", missing.Message);
        Assert.Null(await Remembering.MemoryRowAsync(Fixture.Storage, Follower));
        var longest = await application.RememberAsync(Follower, "  " + new string('长', 198) + "\n短 ");
        Assert.Equal("已记住：" + new string('长', 198) + " 短", longest.Footnote);
    }

    [Fact]
    public async Task TheAdminTokenInAFactIsHiddenBeforeItIsStoredShownOrSent()
    {
        var application = Fixture.StartApplication();

        var result = await application.RememberAsync(Follower, $"管理口令是 {WeChatApplication.AdminToken}，另一种写法 ＡＤＭＩＮ-secret-token-1");
        await application.CreateWeChatClient().AskAsync(Follower, "我的口令是什么");

        var stored = (await Remembering.MemoryRowAsync(Fixture.Storage, Follower))!.GetString("Facts");
        Assert.Equal("已记住：管理口令是 [已隐藏]，另一种写法 [已隐藏]", result.Footnote);
        Assert.Contains("管理口令是 [已隐藏]，另一种写法 [已隐藏]", stored, StringComparison.Ordinal);
        Assert.All(
            [stored, result.Text, result.Footnote!, .. Fixture.Model.Requests.SelectMany(request => request.Messages).Select(message => message.Content)],
            text => Assert.DoesNotContain("secret-token", text, StringComparison.OrdinalIgnoreCase));
    }

    private FakeChatRequest RequestFor(string question) => Fixture.Model.Requests.Single(request => request.LastUserMessage == question);
}
