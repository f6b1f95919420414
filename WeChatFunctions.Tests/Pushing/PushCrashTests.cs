using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>Instances killed while an answer is pushed or generated in customer_service mode: the answer still arrives whole, once.</summary>
public sealed class PushCrashTests(VerifiedInstancesFixture fixture) : IClassFixture<VerifiedInstancesFixture>
{
    private static readonly string[] Paragraphs = [.. Enumerable.Range(1, 30).Select(paragraph => $"第{paragraph:D2}段：" + new string('文', 54) + "。")];

    internal static readonly string LongAnswer = string.Join("\n\n", Paragraphs);

    private readonly string _follower = WeChatClient.NewFollowerId();

    [Fact]
    public async Task AnInstanceKilledBetweenTwoPushesIsResumedElsewhereWithoutRepeatingAMessage()
    {
        fixture.Model.Reset(new FakeModelBehavior { Answer = _ => LongAnswer });
        await using var proxy = StorageFaultProxy.InFrontOf(fixture.Storage);
        // The write that would start the second message never lands: the instance dies between the two sends.
        proxy.InjectWhen((request, body) => request.Path.Value!.Contains("pushes", StringComparison.Ordinal)
            && body.Contains("\"Sent\":1", StringComparison.Ordinal) && body.Contains("\"Sending\":true", StringComparison.Ordinal)
            ? StorageFault.Hang
            : StorageFault.None);
        var victim = await fixture.StartInstanceAsync(proxy: proxy);
        var survivor = await fixture.StartInstanceAsync();

        var acknowledged = await victim.WeChat.PushAsync(SignedPush.Text("推送到一半").From(_follower));
        await fixture.Account.DeliveredToAsync(_follower, 1);
        await WhenAsync(() => proxy.Faults > 0);
        await victim.KillAsync();
        // The dead instance's lease on the job runs out after 30 s; the survivor's sweep then sends the rest.
        var delivered = await fixture.Account.DeliveredToAsync(_follower, 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Equal(3, fixture.Account.Api.DeliveredTo(_follower).Count);
        Assert.Equal(Flat(LongAnswer), Flat(string.Concat(delivered)));
        Assert.NotEqual(victim.ProcessId, survivor.ProcessId);
    }

    [Fact]
    public async Task AnInstanceKilledMidGenerationHasItsAnswerTakenOverAndPushedBySomeOtherInstancesSweep()
    {
        // The survivor continues from the text the victim saved.
        fixture.Model.Reset(ParagraphsThatContinue);
        var victim = await fixture.StartInstanceAsync();
        await fixture.StartInstanceAsync();

        var acknowledged = await victim.WeChat.PushAsync(SignedPush.Text("生成到一半").From(_follower));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await victim.KillAsync();
        var delivered = await fixture.Account.DeliveredToAsync(_follower, 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True(acknowledged.IsSuccessWithoutReply, acknowledged.Body);
        Assert.Equal(Flat(LongAnswer), Flat(string.Concat(fixture.Account.Api.DeliveredTo(_follower))));
        Assert.InRange(delivered.Count, 1, 3);
        Assert.Equal(2, fixture.Model.RequestsAbout("生成到一半").Count);
    }

    /// <summary>A paragraph every 300 ms; a continuation gets what follows the text it was given.</summary>
    internal static FakeModelBehavior ParagraphsThatContinue => new()
    {
        Answer = request => request.Messages[^1].Content.StartsWith("你上面的回答在中途被打断了", StringComparison.Ordinal)
            ? LongAnswer[AnswerSoFar(request).Length..]
            : LongAnswer,
        ChunkCharacters = Paragraphs[0].Length + 2,
        ChunkInterval = TimeSpan.FromMilliseconds(300),
    };

    private static string AnswerSoFar(FakeChatRequest request) => request.Messages[^2].Content;

    private static async Task WhenAsync(Func<bool> condition)
    {
        for (var wait = 0; wait < 300 && !condition(); wait++)
        {
            await Task.Delay(100);
        }
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
