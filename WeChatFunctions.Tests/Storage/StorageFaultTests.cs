using Microsoft.AspNetCore.Http;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>
/// Storage faults met through a proxy in front of Azurite: a write applied but whose response was lost (its retry meets
/// its own row, which must count as success), and a call that hangs (tried again within the attempt).
/// </summary>
public sealed class StorageFaultTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private StorageFaultProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = StorageFaultProxy.InFrontOf(Fixture.Storage);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Theory]
    [InlineData(StorageFault.AfterForwarding)] // the insert landed, its response was lost, and the retry meets 409
    [InlineData(StorageFault.Hang)] // the insert hangs until the client gives up on it and tries again
    public async Task AClaimInsertThatFailsThisWayIsStillAnsweredOnTheFirstAttemptAndChargedOnce(StorageFault fault)
    {
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var claimInserts = 0;
        _proxy.InjectWhen(request => IsInsertInto(request, "WeChatReplies") && Interlocked.Increment(ref claimInserts) == 1 ? fault : StorageFault.None);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("存储出错的认领").From(Follower));

        Assert.Equal(1, _proxy.Faults);
        Assert.Equal(1, delivery.Attempt);
        Assert.Equal("回答：存储出错的认领", delivery.Content);
        Assert.Single(Fixture.Model.RequestsAbout("存储出错的认领"));
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task SavesWhoseResponsesWereLostDoNotStopTheOwnerFromSavingTheAnswer()
    {
        // The shortest claim timeout, for a heartbeat every second while the answer streams.
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage);
            settings["claim_timeout_seconds"] = "2";
        }).CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 6).Select(second => $"第{second}句。\n\n")), ChunkCharacters = 7, ChunkInterval = TimeSpan.FromMilliseconds(500) });
        // Every replace of a claim (a heartbeat) loses its response once.
        var replaces = 0;
        _proxy.InjectWhen(request => HttpMethods.IsPut(request.Method) && request.Path.Value!.Contains("WeChatReplies", StringComparison.Ordinal) && Interlocked.Increment(ref replaces) % 2 == 1
            ? StorageFault.AfterForwarding
            : StorageFault.None);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("心跳丢了回应").From(Follower));

        Assert.True(_proxy.Faults >= 2, $"{_proxy.Faults} faults");
        // The answer streams for 3 s through lost responses and their retries: on a busy machine its first page can
        // miss the first attempt's window and go out on the second, which is as good; what matters is below.
        Assert.InRange(delivery.Attempt, 1, 2);
        Assert.StartsWith("第1句。", delivery.Content, StringComparison.Ordinal);
        Assert.Single(Fixture.Model.RequestsAbout("心跳丢了回应"));
        // The owner kept saving after each lost response, so the whole answer is in storage for any instance.
        Assert.True(await EventuallyCompleteAsync(), "the claim was never saved as complete");
    }

    [Theory]
    [InlineData(1)] // the charge, with the answer's reservation
    [InlineData(2)] // the settlement, with the answer's tokens, in the transaction that finishes the claim
    public async Task AUsageWriteWhoseResponseWasLostCountsOnce(int lostWrite)
    {
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        var usageWrites = 0;
        _proxy.InjectWhen((request, body) =>
            IsTransaction(request) && body.Contains($"\"RowKey\":\"{StoredUsage.Row}\"", StringComparison.Ordinal) && Interlocked.Increment(ref usageWrites) == lostWrite
                ? StorageFault.AfterForwarding
                : StorageFault.None);

        var answer = await weChat.AskAsync(Follower, "用量写入丢了回应");

        var request = Assert.Single(Fixture.Model.RequestsAbout("用量写入丢了回应"));
        Assert.Equal(1, _proxy.Faults);
        Assert.Equal("回答：用量写入丢了回应", answer);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Equal((request.PromptTokens, request.CompletionTokens(answer)), await StoredUsage.TokensTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task APushRecordedThoughItsResponseWasLostIsNotCountedTwiceSoWeChatsThirdAttemptIsServed()
    {
        var weChat = Fixture.StartApplication(settings =>
        {
            settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage);
            settings["chat_gpt_timeout_seconds"] = "30";
        }).CreateWeChatClient();
        var platform = new WeChatPlatform(weChat);
        Fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 3, after: TimeSpan.FromSeconds(0.5)));
        var ledgerInserts = 0;
        _proxy.InjectWhen(request => IsInsertInto(request, "WeChatPushes") && Interlocked.Increment(ref ledgerInserts) == 1 ? StorageFault.AfterForwarding : StorageFault.None);

        var delivery = await platform.DeliverAsync(SignedPush.Text("第三次才答").From(Follower));

        Assert.Equal(1, _proxy.Faults);
        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答：第三次才答", delivery.Content);
    }

    [Fact]
    public async Task AnAnswerNoAttemptCouldShowIsDeliveredByTheNextContinue()
    {
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        // Every attempt fails to read the follower's reading position, after the question was claimed and its answer started.
        _proxy.InjectWhen(request => TouchesPosition(request) ? StorageFault.BeforeForwarding : StorageFault.None);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("没能送达的回答").From(Follower));
        _proxy.InjectWhen(_ => StorageFault.None);
        await Task.Delay(WeChatPlatform.AttemptTimeout * WeChatPlatform.Attempts - delivery.Elapsed + TimeSpan.FromSeconds(0.5));
        var continued = await weChat.AskAsync(Follower, "继续");

        Assert.Equal(3, delivery.Attempt);
        Assert.StartsWith("抱歉，服务暂时出了点问题。", delivery.Content, StringComparison.Ordinal);
        Assert.Equal("回答：没能送达的回答", continued);
        Assert.Single(Fixture.Model.RequestsAbout("没能送达的回答"));
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.StartsWith("没有需要继续查看的内容了", await weChat.AskAsync(Follower, "继续"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageCallsStopWhenWeChatsAttemptEndsRatherThanRetryingPastIt()
    {
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] = _proxy.ConnectionStringFor(Fixture.Storage)).CreateWeChatClient();
        _proxy.InjectWhen(request => TouchesPosition(request) ? StorageFault.Hang : StorageFault.None);

        // A client that, unlike WeChat, waits as long as it takes: the app drops the attempt when WeChat would have.
        WeChatReplyView? reply = null;
        try
        {
            reply = await weChat.PushAsync(SignedPush.Text("存储卡住了").From(Follower));
        }
        catch (Exception dropped) when (dropped is HttpRequestException or IOException)
        {
            // The connection was dropped: what a real server does; the in-memory test server may end the response instead.
        }

        Assert.True(reply is null || !reply.Body.Contains("<xml>", StringComparison.Ordinal), $"replied: {reply?.Body}");
        // The SDK gives a hung call 3 s before it tries again: within the 5 s attempt, the first try and one retry start.
        Assert.InRange(_proxy.Faults, 1, 2);
    }

    /// <summary>A read or write of the reading position: by its key, or by the query of the follower's partition that reads it with their claims.</summary>
    private static bool TouchesPosition(HttpRequest request) =>
        (request.Path.Value + Uri.UnescapeDataString(request.QueryString.Value ?? "")) is var target
        && (target.Contains("position", StringComparison.Ordinal) || (target.Contains("~moved", StringComparison.Ordinal) && target.Contains("FirstArrival", StringComparison.Ordinal)));

    private async Task<bool> EventuallyCompleteAsync()
    {
        var claims = new Azure.Data.Tables.TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        for (var poll = 0; poll < 50; poll++)
        {
            await foreach (var claim in claims.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Follower} and Question ne ''")))
            {
                if (claim.GetString("Status") == "Complete")
                {
                    return true;
                }
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>An entity-group transaction, such as a usage write, is a POST to <c>$batch</c>.</summary>
    private static bool IsTransaction(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value!.EndsWith("/$batch", StringComparison.Ordinal);

    /// <summary>A Table insert is a POST to the table's collection URL.</summary>
    private static bool IsInsertInto(HttpRequest request, string table) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value!.EndsWith("/" + table, StringComparison.Ordinal);
}
