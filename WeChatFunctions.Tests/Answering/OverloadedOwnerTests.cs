using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>
/// An instance so busy that its storage calls take seconds is still alive: its answer must not be taken over, and
/// answered a second time, by an instance that sees its heartbeats land later than the claim timeout.
/// </summary>
public sealed class OverloadedOwnerTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AnOwnerWhoseSavesLandLaterThanTheClaimTimeoutKeepsItsAnswerAndTheModelIsCalledOnce()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        // The shortest claim timeout: a heartbeat every second, each held 1.5 s on its way, lands 2.5 s after the one before.
        var owner = Fixture.StartApplication(settings =>
        {
            settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Fixture.Storage);
            settings["claim_timeout_seconds"] = "2";
        }).CreateWeChatClient();
        var judge = Fixture.StartApplication(settings => settings["claim_timeout_seconds"] = "2").CreateWeChatClient();
        // Tables, connections and caches first, at full speed.
        await owner.AskAsync(WeChatClient.NewFollowerId(), "预热");
        await judge.AskAsync(WeChatClient.NewFollowerId(), "预热");
        var claimSaves = 0;
        proxy.InjectWhen(request =>
        {
            if (HttpMethods.IsPut(request.Method) && request.Path.Value!.Contains("/WeChatReplies(", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref claimSaves);
            }

            return StorageFault.Slow;
        });

        // The model takes 6 s, so that the judge watches the owner's late heartbeats for a while.
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(6) });

        // The owner claims the question on WeChat's first two attempts; the third, and any 「继续」, go to the judge.
        var delivery = await new WeChatPlatform(owner, owner, judge).DeliverAsync(SignedPush.Text("忙不过来的问题").From(Follower));
        var answer = delivery.Content.StartsWith("回答还在生成中", StringComparison.Ordinal)
            ? (await new WeChatPlatform(judge).DeliverAsync(SignedPush.Text("继续").From(Follower))).Content
            : delivery.Content;

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答：忙不过来的问题", answer);
        Assert.Single(Fixture.Model.RequestsAbout("忙不过来的问题"));
        Assert.True(claimSaves >= 3, $"the owner saved its claim {claimSaves} times: it was not the one generating");
        Assert.Equal(0, (await StoredClaimAsync("忙不过来的问题")).GetInt32("Generation"));
    }

    private async Task<TableEntity> StoredClaimAsync(string question)
    {
        var claims = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await foreach (var claim in claims.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Follower} and Question eq {question}")))
        {
            return claim;
        }

        throw new InvalidOperationException("The question was never claimed.");
    }
}
