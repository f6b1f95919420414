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

    [Fact]
    public async Task TheChargeReadsNothingAndTheSettlementAndDeliveredMarkGoWithTheFinishedClaim()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var usageRow = $"\"RowKey\":\"{StoredUsage.Row}\"";
        var (reads, writes, marks) = (new List<string>(), new List<string>(), new List<string>());
        proxy.InjectWhen((request, body) =>
        {
            lock (writes)
            {
                if (request.Method == "GET" && request.Path.Value!.Contains($"/{StoredUsage.TableName}(", StringComparison.Ordinal) && request.Path.Value.Contains($"RowKey='{StoredUsage.Row}'", StringComparison.Ordinal))
                {
                    reads.Add(request.Path.Value);
                }
                else if (request.Method != "GET" && body.Contains(usageRow, StringComparison.Ordinal))
                {
                    writes.Add(body);
                }

                if (request.Method != "GET" && body.Contains("\"RowKey\":\"delivered-", StringComparison.Ordinal))
                {
                    marks.Add(body);
                }
            }

            return StorageFault.None;
        });

        var answer = await weChat.AskAsync(Follower, "结算和完成一起写");
        var request = Assert.Single(Fixture.Model.RequestsAbout("结算和完成一起写"));
        for (var waited = 0; await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower) == (0, 0) && waited < 200; waited++)
        {
            await Task.Delay(50);
        }

        Assert.Empty(reads); // the partition query read the usage row with everything else
        Assert.Equal(2, writes.Count);
        Assert.DoesNotContain("\"Status\":\"Complete\"", writes[0], StringComparison.Ordinal); // the charge
        Assert.Contains("\"Status\":\"Complete\"", writes[1], StringComparison.Ordinal); // the settlement, with the claim and the turns
        Assert.Equal(writes[1], Assert.Single(marks)); // and the delivered mark, as the attempt waiting here shows the answer
        Assert.Equal(2, writes[1].Split("~turn-").Length - 1);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Equal((request.PromptTokens, request.CompletionTokens(answer)), await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower));
    }
}
