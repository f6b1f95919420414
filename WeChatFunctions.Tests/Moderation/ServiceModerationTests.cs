using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Moderation;

/// <summary>
/// The <c>openai</c> and <c>azure</c> moderation modes against the fake model server's moderation endpoints, and what
/// happens when the moderation service fails.
/// </summary>
public sealed class ServiceModerationTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Harmful = FakeModeration.FlaggedMarker;

    [Fact]
    public async Task OpenAIModeChecksTheQuestionAndTheAnswerAtTheModerationEndpointOfTheChatApi()
    {
        var weChat = Fixture.StartApplication(settings => settings["moderation"] = "openai").CreateWeChatClient();

        var refused = await weChat.AskAsync(Follower, $"问题里有{Harmful}");
        Assert.Empty(Fixture.Model.Requests);
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => $"回答里有{Harmful}" });
        var replaced = await weChat.AskAsync(Follower, "正常的问题");
        var checkedTexts = Fixture.Model.Moderation.Requests;
        Fixture.Model.Reset();
        var answered = await weChat.AskAsync(Follower, "另一个正常的问题");

        Assert.StartsWith("抱歉，这个问题我无法回答", refused, StringComparison.Ordinal);
        Assert.Equal("抱歉，这个问题我无法回答，换个话题吧。", replaced);
        Assert.Equal("回答：另一个正常的问题", answered);
        Assert.Equal(["正常的问题", $"回答里有{Harmful}"], checkedTexts.Select(request => request.Input));
        Assert.All(checkedTexts, request =>
        {
            Assert.Equal("openai", request.Api);
            Assert.Equal("omni-moderation-latest", request.Model);
            Assert.Equal("Bearer sk-test-0123456789abcdef", request.Credential);
        });
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, true)]
    [InlineData(2, false)]
    public async Task AzureModeBlocksContentAtOrAboveTheSeverityThreshold(int severity, bool blocked)
    {
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["moderation"] = "azure";
            settings["azure_content_safety_endpoint"] = Fixture.Model.BaseAddress.ToString();
            settings["azure_content_safety_key"] = "content-safety-key";
        }).CreateWeChatClient();
        Fixture.Model.Moderation.FlaggedSeverity = severity;

        var reply = await weChat.AskAsync(Follower, $"问题里有{Harmful}");

        Assert.Equal(blocked, reply.StartsWith("抱歉，这个问题我无法回答", StringComparison.Ordinal));
        Assert.Equal(blocked ? 0 : 1, Fixture.Model.Requests.Count);
        var check = Fixture.Model.Moderation.Requests[0];
        Assert.Equal(("azure", $"问题里有{Harmful}", "content-safety-key", "2024-09-01"), (check.Api, check.Input, check.Credential, check.ApiVersion));
    }

    [Fact]
    public async Task TheLimitsComeBeforeTheModerationServiceSoAFloodCostsNoModerationCalls()
    {
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["moderation"] = "openai";
            settings["rate_limit_per_minute"] = "1";
        }).CreateWeChatClient();

        await weChat.AskAsync(Follower, "第一问");
        var refused = await weChat.AskAsync(Follower, "第二问");

        Assert.StartsWith("提问太快了", refused, StringComparison.Ordinal);
        Assert.Equal(["第一问", "回答：第一问"], Fixture.Model.Moderation.Requests.Select(request => request.Input));
    }

    [Fact]
    public async Task WhenTheModerationServiceFailsNothingUncheckedIsSentAndNothingIsCharged()
    {
        var weChat = Fixture.StartApplication(settings => settings["moderation"] = "openai").CreateWeChatClient();
        Fixture.Model.Moderation.FailureStatus = 500;

        var reply = await weChat.AskAsync(Follower, "审核服务坏了时的问题");

        Assert.Equal("抱歉，内容审核服务暂时不可用，请稍后再试。你的问题没有被计入用量。", reply);
        Assert.Empty(Fixture.Model.Requests);
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }
}
