using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Memory;

/// <summary>
/// The facts cost a question no storage call of their own: they come with the preferences, the history and the
/// pending image in the one query of the follower's partition that every question makes for its lost answers.
/// </summary>
public sealed class MemoryStorageCallTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AQuestionReadsThePreferencesFactsAndHistoryInOneStorageCall()
    {
        var (withBoth, withNothing) = (Follower, WeChatClient.NewFollowerId());
        var elsewhere = Fixture.StartApplication();
        await elsewhere.CreateWeChatClient().AskAsync(withBoth, "/prompt 你是一只会说中文的猫。");
        await elsewhere.CreateWeChatClient().AskAsync(withBoth, "我住在杭州");
        await elsewhere.RememberAsync(withBoth, "对花生过敏");
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var preferenceCalls = 0;
        proxy.InjectWhen(request =>
        {
            if (request.Method == "GET" && request.Path.Value!.Contains("WeChatReplies", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref preferenceCalls);
            }

            return StorageFault.None;
        });

        await weChat.AskAsync(withBoth, "我能吃什么");
        var callsForBoth = Interlocked.Exchange(ref preferenceCalls, 0);
        await weChat.AskAsync(withNothing, "随便问问");
        var callsForNothing = Volatile.Read(ref preferenceCalls);

        Assert.Equal(1, callsForBoth);
        Assert.Equal(1, callsForNothing);
        var request = Fixture.Model.Requests.Single(request => request.LastUserMessage == "我能吃什么");
        Assert.StartsWith("你是一只会说中文的猫。", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("1. 对花生过敏", Remembering.FactsIn(request), StringComparison.Ordinal);
        Assert.Contains(request.Messages, message => message.Content == "我住在杭州");
    }
}
