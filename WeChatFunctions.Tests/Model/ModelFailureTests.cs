using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Model;

/// <summary>When the model fails, the follower gets a short Chinese apology, never a fault, and nothing is stored.</summary>
public sealed class ModelFailureTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Apology = "抱歉，AI 服务暂时繁忙或无法连接，请稍后再发一次你的问题。";

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task AnErrorStatusGivesAnApologyAndStoresNothing(int status)
    {
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = status });

        var reply = await Fixture.WeChat.PushAsync(SignedPush.Text("会失败的问题").From(Follower));

        Assert.Equal("text", reply.MessageType);
        Assert.Equal(Apology, reply.Content);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task PersistentFailuresAfterRetriesGiveAnApology()
    {
        var application = Fixture.StartApplication(settings => settings["chat_gpt_max_retries"] = "1");
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 503 });

        var answer = await application.CreateWeChatClient().AskAsync(Follower, "一直失败");

        Assert.Equal(Apology, answer);
        Assert.Equal(2, Fixture.Model.Requests.Count);
    }

    [Fact]
    public async Task AFailedQuestionIsNotInTheNextQuestionsContext()
    {
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 500, Failures = 1 });

        await Fixture.WeChat.AskAsync(Follower, "第一次失败了");
        var second = await Fixture.WeChat.AskAsync(Follower, "第二次");

        Assert.Equal("回答：第二次", second);
        Assert.DoesNotContain(Fixture.Model.Requests[^1].Messages, message => message.Content == "第一次失败了");
    }

    [Fact]
    public async Task ATransientFailureIsRetriedByTheClient()
    {
        var application = Fixture.StartApplication(settings => settings["chat_gpt_max_retries"] = "1");
        Fixture.Model.Reset(new FakeModelBehavior { FailureStatus = 503, Failures = 1 });

        var answer = await application.CreateWeChatClient().AskAsync(Follower, "重试一下");

        Assert.Equal("回答：重试一下", answer);
        Assert.Equal(2, Fixture.Model.Requests.Count);
    }

    [Fact]
    public async Task ATimeoutGivesAnApology()
    {
        var application = Fixture.StartApplication(settings => settings["chat_gpt_timeout_seconds"] = "1");
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(3) });

        var answer = await application.CreateWeChatClient().AskAsync(Follower, "慢问题");

        Assert.Equal(Apology, answer);
        Assert.Empty(await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    public async Task ARefusedConnectionGivesAnApologyWithOrWithoutRetries(string retries)
    {
        var closedPort = FreePort.Next();
        var application = Fixture.StartApplication(settings =>
        {
            settings["chat_gpt_endpoint"] = $"http://127.0.0.1:{closedPort}/v1";
            settings["chat_gpt_max_retries"] = retries;
        });

        var answer = await application.CreateWeChatClient().AskAsync(Follower, "有人吗");

        Assert.Equal(Apology, answer);
    }

    [Fact]
    public async Task TheModelIsReachedThroughTheConfiguredHttpProxy()
    {
        var application = Fixture.StartApplication(settings =>
        {
            settings["chat_gpt_endpoint"] = "http://model.invalid/v1";
            settings["allow_insecure_endpoints"] = "true"; // the fake model serves no https; the proxy sees the request
            settings["http_proxy"] = Fixture.Model.BaseAddress.ToString();
        });

        var answer = await application.CreateWeChatClient().AskAsync(Follower, "经过代理");

        Assert.Equal("回答：经过代理", answer);
        Assert.Equal("model.invalid", Assert.Single(Fixture.Model.Requests).Host);
    }
}
