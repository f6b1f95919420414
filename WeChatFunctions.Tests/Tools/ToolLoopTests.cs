using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Tools;

/// <summary>The model calling the app's tools through WeChat: results fenced, rounds bounded, and a model without tools still answered.</summary>
public sealed class ToolLoopTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task TheModelCallsATheToolAndAnswersFromItsFencedResult()
    {
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("current_time", "{}"));

        var answer = await Fixture.WeChat.AskAsync(Follower, "今天星期几？");

        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), answer, StringComparison.Ordinal);
        Assert.Contains("星期", answer, StringComparison.Ordinal);
        var (asked, told) = (Fixture.Model.Requests[0], Fixture.Model.Requests[1]);
        Assert.Equal(2, Fixture.Model.Requests.Count);
        Assert.Contains("current_time", asked.Tools);
        Assert.DoesNotContain(asked.Messages, message => message.Content.Contains("quoted-material", StringComparison.Ordinal));
        var call = Assert.Single(told.Messages.Single(message => message.ToolCalls.Count > 0).ToolCalls);
        var result = Assert.Single(told.ToolResults);
        Assert.Equal("current_time", call.Name);
        Assert.Equal(call.Id, result.ToolCallId);
        Assert.StartsWith("<quoted-material source=\"current_time\">", result.Content, StringComparison.Ordinal);
        Assert.Contains(told.Messages, message => message.Role == "system" && message.Content.Contains("quoted-material", StringComparison.Ordinal));
        Assert.Equal(["今天星期几？", answer], (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Select(turn => turn.GetString("Content")).Reverse());
    }

    [Fact]
    public async Task AModelThatKeepsCallingToolsMustAnswerAfterMaxToolRounds()
    {
        Fixture.Model.Reset(new FakeModelBehavior { ToolCalls = request => [new FakeToolCall("current_time", $$"""{"n":{{request.ToolResults.Count}}}""")] });
        var weChat = Fixture.StartApplication(settings => settings["max_tool_rounds"] = "2").CreateWeChatClient();

        var answer = await weChat.AskAsync(Follower, "一直调用工具");

        Assert.Equal("回答：一直调用工具", answer);
        Assert.Equal(3, Fixture.Model.Requests.Count);
        Assert.Equal([null, null, "none"], Fixture.Model.Requests.Select(request => request.ToolChoice is "none" ? "none" : null));
        Assert.Equal(2, Fixture.Model.Requests[^1].ToolResults.Count);
    }

    [Fact]
    public async Task AModelThatRejectsToolsIsAskedAgainWithoutThemOnce()
    {
        Fixture.Model.Reset(new FakeModelBehavior { RejectsTools = true });

        var answer = await Fixture.WeChat.AskAsync(Follower, "不支持工具的模型");

        Assert.Equal("回答：不支持工具的模型", answer);
        Assert.Equal([true, false], Fixture.Model.Requests.Select(request => request.Tools.Count > 0));
    }

    [Fact]
    public async Task WithToolsTurnedOffTheRequestOffersNone()
    {
        var weChat = Fixture.StartApplication(settings => settings["tools"] = "none").CreateWeChatClient();
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("current_time", "{}"));

        Assert.Equal("回答：没有工具", await weChat.AskAsync(Follower, "没有工具"));
        Assert.Empty(Assert.Single(Fixture.Model.Requests).Tools);
    }

    [Fact]
    public async Task AToolTheAppDoesNotHaveIsReportedToTheModelAndNothingRuns()
    {
        Fixture.Model.Reset(new FakeModelBehavior
        {
            ToolCalls = request => request.ToolResults.Count == 0 ? [new FakeToolCall("delete_everything", "{}")] : [],
            Answer = request => $"回答：{request.ToolResults[^1].Content}",
        });

        var answer = await Fixture.WeChat.AskAsync(Follower, "调用不存在的工具");

        Assert.Contains("没有名为 delete_everything 的工具", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRoundsTokensCountInTheFollowersUsage()
    {
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("current_time", "{}"));

        var answer = await Fixture.WeChat.AskAsync(Follower, "现在几点？");

        var (asked, told) = (Fixture.Model.Requests[0], Fixture.Model.Requests[1]);
        var expected = ((long)asked.PromptTokens + told.PromptTokens, (long)asked.CompletionTokens("current_time{}") + told.CompletionTokens(answer));
        Assert.Equal(expected, await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower));
    }
}
