using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>An instance killed outright while it generates, with the default settings: the answer still arrives, once.</summary>
public sealed class CrashRecoveryTests : IClassFixture<TwoInstancesFixture>
{
    private const string ContinueInstruction = "你上面的回答在中途被打断了。请从中断处直接接着写下去，不要重复已经写过的内容，也不要加任何开场白。";

    private static readonly string[] Paragraphs = [.. Enumerable.Range(1, 14).Select(paragraph => $"第{paragraph}段。")];

    private static readonly string Answer = string.Join("\n\n", Paragraphs);

    private readonly TwoInstancesFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public CrashRecoveryTests(TwoInstancesFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    /// <summary>A paragraph a second; a continuation request gets what follows the text it was given.</summary>
    private static FakeModelBehavior ParagraphASecond => new()
    {
        Answer = request => request.Messages[^1].Content == ContinueInstruction ? Answer[AnswerSoFar(request).Length..] : Answer,
        ChunkCharacters = Paragraphs[0].Length + 2,
        ChunkInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task AnAnswerWhoseInstanceDiedDuringTheLastAttemptIsContinuedOnTheNextContinue()
    {
        var victim = await _fixture.StartInstanceAsync();
        _fixture.Model.Reset(ParagraphASecond);
        var platform = new WeChatPlatform(victim.WeChat);

        var delivering = platform.DeliverAsync(SignedPush.Text("说不完").From(_follower));
        await platform.AttemptStarted(3);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await victim.KillAsync();
        Assert.Null((await delivering).Reply);
        // Long enough for the dead instance's claim to miss the default five seconds of heartbeats.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var pages = await ReadToTheEndAsync(_fixture.First.WeChat);

        Assert.Equal(Flat(Answer), Flat(string.Concat(pages.Select(ReplyPage.TextOf))));
        var requests = _fixture.Model.RequestsAbout("说不完");
        Assert.Equal(2, requests.Count);
        var continuation = Assert.Single(requests, request => request.Messages[^1].Content == ContinueInstruction);
        Assert.StartsWith("第1段。", AnswerSoFar(continuation), StringComparison.Ordinal);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    [Fact]
    public async Task AnOwnerKilledMidAnswerIsTakenOverByARetryThatContinuesItsText()
    {
        var victim = await _fixture.StartInstanceAsync();
        _fixture.Model.Reset(ParagraphASecond);
        var platform = new WeChatPlatform(victim.WeChat, _fixture.First.WeChat, _fixture.Second.WeChat);

        var delivering = platform.DeliverAsync(SignedPush.Text("写到一半").From(_follower));
        await WhenSomeTextIsSavedAsync();
        await victim.KillAsync();
        var delivery = await delivering;
        var pages = new List<string> { delivery.Content };
        if (pages[0].Contains("（未完", StringComparison.Ordinal))
        {
            pages.AddRange(await ReadToTheEndAsync(_fixture.Second.WeChat));
        }

        Assert.InRange(delivery.Attempt, 2, 3);
        Assert.Equal(Flat(Answer), Flat(string.Concat(pages.Select(ReplyPage.TextOf))));
        var requests = _fixture.Model.RequestsAbout("写到一半");
        Assert.Equal(2, requests.Count);
        Assert.StartsWith("第1段。", AnswerSoFar(Assert.Single(requests, request => request.Messages[^1].Content == ContinueInstruction)), StringComparison.Ordinal);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    [Fact]
    public async Task AQuestionWhoseOwnerDiedBeforeChargingItIsChargedOnceByTheInstanceThatTakesItOver()
    {
        await using var proxy = StorageFaultProxy.InFrontOf(_fixture.Storage);
        var victim = await _fixture.StartInstanceAsync(settings => settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(_fixture.Storage));
        // The victim claims the question, and its charge hangs until it dies.
        proxy.InjectWhen((request, body) => body.Contains($"\"RowKey\":\"{StoredUsage.Row}\"", StringComparison.Ordinal) ? StorageFault.Hang : StorageFault.None);
        var platform = new WeChatPlatform(victim.WeChat, _fixture.First.WeChat, _fixture.First.WeChat);

        var delivering = platform.DeliverAsync(SignedPush.Text("还没扣额度就死了").From(_follower));
        while (proxy.Faults == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        await victim.KillAsync();
        var delivery = await delivering;

        Assert.InRange(delivery.Attempt, 2, 3);
        Assert.Equal("回答：还没扣额度就死了", delivery.Content);
        Assert.Single(_fixture.Model.RequestsAbout("还没扣额度就死了"));
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    /// <summary>Waits until the owner's heartbeat has saved part of the answer to the follower's claim.</summary>
    private async Task WhenSomeTextIsSavedAsync()
    {
        var claims = new TableServiceClient(_fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        for (var poll = 0; poll < 200; poll++)
        {
            await foreach (var claim in claims.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_follower}")))
            {
                if (claim.GetString("Text") is { Length: > 0 })
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException("The owner saved no text in 20 s.");
    }

    /// <summary>Sends 「继续」 as WeChat would until the answer has no more pages.</summary>
    private async Task<List<string>> ReadToTheEndAsync(WeChatClient instance)
    {
        var pages = new List<string>();
        do
        {
            pages.Add((await new WeChatPlatform(instance).DeliverAsync(SignedPush.Text("继续").From(_follower))).Content);
        }
        while (pages[^1].Contains("（未完", StringComparison.Ordinal) && pages.Count < 10);

        return pages;
    }

    private static string AnswerSoFar(FakeChatRequest request) => request.Messages[^2] is { Role: "assistant" } start ? start.Content : "";

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
