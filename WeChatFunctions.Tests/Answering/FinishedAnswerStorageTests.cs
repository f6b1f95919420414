using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>
/// An answer's exchange is stored in the transaction that saves its claim as finished, in the follower's partition:
/// one write for both, and never by an instance that no longer owns the claim.
/// </summary>
public sealed class FinishedAnswerStorageTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task TheExchangeIsWrittenInTheTransactionThatFinishesTheClaim()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var writesOfTurns = new List<(string Method, string Path, string Body)>();
        proxy.InjectWhen((request, body) =>
        {
            if (body.Contains("~turn-", StringComparison.Ordinal) && request.Method != "GET")
            {
                lock (writesOfTurns)
                {
                    writesOfTurns.Add((request.Method, request.Path.Value!, body));
                }
            }

            return StorageFault.None;
        });

        Assert.Equal("回答：记下来", await weChat.AskAsync(Follower, "记下来"));
        for (var waited = 0; (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Count < 2 && waited < 200; waited++)
        {
            await Task.Delay(50); // the claim is saved as the reply leaves
        }

        Assert.Equal(2, (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Count);
        var (method, path, body) = Assert.Single(writesOfTurns);
        Assert.Equal("POST", method);
        Assert.EndsWith("$batch", path, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Complete\"", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split("~turn-").Length - 1); // the question's row and the answer's
    }
}
