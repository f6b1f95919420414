using Azure.Data.Tables;
using WeChatFunctions.Dialog;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>
/// A voice is heard once, whatever WeChat's retries and instances do: a retry waits for the transcription under way,
/// on the instance running it or on another, and an answer taken over elsewhere keeps what was heard out of the
/// model's part.
/// </summary>
public sealed class HearingRetryTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private static readonly string Answer = string.Join("\n\n", Enumerable.Range(1, 12).Select(paragraph => $"第{paragraph}段。"));

    /// <param name="instances">One: the retry waits in memory for the transcription; two: the retry, on the other instance, polls storage for it.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ARetryWaitsForTheVoiceStillBeingHeardAndReusesItsTranscript(int instances)
    {
        await using var hearing = await HearingAccount.StartAsync();
        var platform = new WeChatPlatform([.. Enumerable.Range(0, instances).Select(_ => Fixture.StartApplication(hearing.Configure).CreateWeChatClient())]);
        var (push, audio) = hearing.Voice(Follower, "慢慢听", gate: platform.AttemptStarted(2));

        var delivery = await platform.DeliverAsync(push);

        Assert.Equal(2, delivery.Attempt);
        Assert.Equal("（听到：慢慢听）\n\n回答：慢慢听", delivery.Content);
        Assert.Single(hearing.Speech.RequestsFor(audio));
        Assert.Equal(1, hearing.Account.Api.Media.Downloads);
        Assert.Single(Fixture.Model.Requests);
    }

    [Fact]
    public async Task AnAnswerToAHeardVoiceTakenOverElsewhereHandsTheModelOnlyItsOwnText()
    {
        Fixture.Model.Reset(new FakeModelBehavior
        {
            Answer = request => request.Messages[^1].Content == Prompt.ContinueInstruction ? Answer[AnswerSoFar(request).Length..] : Answer,
            ChunkCharacters = "第1段。".Length + 2,
            ChunkInterval = TimeSpan.FromMilliseconds(300),
        });
        await using var hearing = await HearingAccount.StartAsync();
        var victim = Fixture.StartApplication(hearing.Configure);
        var survivor = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var platform = new WeChatPlatform(victim.CreateWeChatClient(), survivor, survivor);
        var (push, _) = hearing.Voice(Follower, "写到一半");

        var delivering = platform.DeliverAsync(push);
        await WhenTheModelsTextIsSavedAsync();
        // Shutting down, the victim gives its claim up at once, with the text saved so far.
        await victim.DisposeAsync();
        var pages = new List<string> { (await delivering).Content };
        while (pages[^1].Contains("（未完", StringComparison.Ordinal) && pages.Count < 10)
        {
            pages.Add((await new WeChatPlatform(survivor).DeliverAsync(SignedPush.Text("继续").From(Follower))).Content);
        }

        Assert.Equal(Flat("（听到：写到一半）" + Answer), Flat(string.Concat(pages.Select(ReplyPage.TextOf))));
        var continuation = Assert.Single(Fixture.Model.Requests, request => request.Messages[^1].Content == Prompt.ContinueInstruction);
        Assert.StartsWith("第1段。", AnswerSoFar(continuation), StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.Model.Requests, request => request.Messages.Any(message => message.Content.Contains("听到", StringComparison.Ordinal)));
        var turns = await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower);
        Assert.Contains(turns, turn => Flat(turn.GetString("Content") ?? "") == Flat(Answer));
    }

    /// <summary>Waits until the owner's heartbeat has saved some of the model's text after what was heard.</summary>
    private async Task WhenTheModelsTextIsSavedAsync()
    {
        var claims = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await claims.CreateIfNotExistsAsync();
        for (var poll = 0; poll < 200; poll++)
        {
            await foreach (var claim in claims.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Follower}")))
            {
                if (claim.GetString("Text")?.Contains("第1段", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException("The owner saved none of the model's text in 20 s.");
    }

    private static string AnswerSoFar(FakeChatRequest request) => request.Messages[^2] is { Role: "assistant" } start ? start.Content : "";

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
