using System.Globalization;
using System.Text.RegularExpressions;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Answering;

/// <summary>WeChat's retries landing on different instances of a scaled-out app, each its own process.</summary>
public sealed class TwoInstanceTests : IClassFixture<TwoInstancesFixture>
{
    private readonly TwoInstancesFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public TwoInstanceTests(TwoInstancesFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    [Fact]
    public async Task RetriesAlternatingBetweenInstancesGetTheAnswerFromOneModelCall()
    {
        var platform = new WeChatPlatform(_fixture.First.WeChat, _fixture.Second.WeChat);
        _fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 2, after: TimeSpan.FromSeconds(2), answer: "跨实例的回答。"));

        var delivery = await platform.DeliverAsync(SignedPush.Text("跨实例问题").From(_follower));

        Assert.Equal(2, delivery.Attempt);
        Assert.Equal("跨实例的回答。", delivery.Content);
        Assert.Single(_fixture.Model.RequestsAbout("跨实例问题"));
    }

    [Fact]
    public async Task TheLastAttemptOnAnotherInstanceSendsWhatHasStreamedThere()
    {
        var sentences = Enumerable.Range(1, 16).Select(second => $"第{second}句。").ToArray();
        _fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(sentences), ChunkCharacters = sentences[0].Length, ChunkInterval = TimeSpan.FromSeconds(1) });
        var platform = new WeChatPlatform(_fixture.First.WeChat, _fixture.Second.WeChat, _fixture.Second.WeChat);

        var delivery = await platform.DeliverAsync(SignedPush.Text("慢慢写").From(_follower));
        var rest = await new WeChatPlatform(_fixture.First.WeChat).DeliverAsync(SignedPush.Text("继续").From(_follower));

        Assert.Equal(3, delivery.Attempt);
        var partial = ReplyPage.TextOf(delivery.Content);
        Assert.StartsWith("第1句。第2句。", partial, StringComparison.Ordinal);
        Assert.Equal(string.Concat(sentences), partial + ReplyPage.TextOf(rest.Content));
        Assert.Single(_fixture.Model.RequestsAbout("慢慢写"));
    }

    [Fact]
    public async Task PagesAreServedByWhicheverInstanceGetsTheContinue()
    {
        var answer = string.Concat(Enumerable.Range(1, 300).Select(index => $"第{index}句话。"));
        _fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer, ChunkCharacters = 400 });

        var pages = new List<string> { await _fixture.First.WeChat.AskAsync(_follower, "长回答") };
        for (var turn = 0; pages[^1].Contains("（未完", StringComparison.Ordinal) && turn < 10; turn++)
        {
            pages.Add(await (turn % 2 == 0 ? _fixture.Second : _fixture.First).WeChat.AskAsync(_follower, "继续"));
        }

        Assert.True(pages.Count >= 2);
        Assert.Equal(answer, string.Concat(pages.Select(ReplyPage.TextOf)));
    }

    [Fact]
    public async Task AnInstanceKilledMidGenerationIsTakenOverAndTheAnswerDelivered()
    {
        var victim = await _fixture.StartInstanceAsync();
        var platform = new WeChatPlatform(victim.WeChat, _fixture.First.WeChat, _fixture.Second.WeChat);
        _fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 2, answer: "接管后的回答。"));
        var push = SignedPush.Text("实例挂了").From(_follower);

        var delivering = platform.DeliverAsync(push);
        await WaitUntilAsync(() => _fixture.Model.RequestsAbout("实例挂了").Count == 1);
        await victim.KillAsync();
        var delivery = await delivering;

        // After the default five seconds without a heartbeat, whichever retry is waiting takes over: attempt 2 or 3.
        Assert.InRange(delivery.Attempt, 2, 3);
        Assert.Equal("接管后的回答。", delivery.Content);
        Assert.Equal(2, _fixture.Model.RequestsAbout("实例挂了").Count);
        Assert.Contains("taken over", _fixture.First.Output + _fixture.Second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentQuestionsOnTwoInstancesAreChargedExactlyUpToTheDailyLimit()
    {
        _fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromMilliseconds(300) });
        var admin = AdminConsole.NewAdmin(_fixture.Second.WeChat);
        // get_stat writes the figures of the instance it runs on; the other writes its own within a flush interval.
        await Task.Delay(StatisticsFlush.EverySecond.Interval * 2);
        var before = Today(await admin.RunAsync("get_stat"));

        // Through WeChat's retries: thirty questions racing for one follower's usage row may take longer than one attempt.
        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(async question =>
            (await new WeChatPlatform((question % 2 == 0 ? _fixture.First : _fixture.Second).WeChat)
                .DeliverAsync(SignedPush.Text($"并发问题{question}").From(_follower))).Content));

        Assert.Equal(20, replies.Count(reply => reply.StartsWith("回答：并发问题", StringComparison.Ordinal)));
        Assert.Equal(10, replies.Count(reply => reply.StartsWith("今天的提问次数（20 次）已经用完了", StringComparison.Ordinal)));
        Assert.Equal(20, _fixture.Model.RequestsAbout("并发问题").Count);
        Assert.Equal(20, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
        var expected = (before.Messages + 30, before.Answered + 20, before.OverQuota + 10);
        var after = Today(await admin.StatisticsWhenAsync(statistics => statistics.Contains("今天：", StringComparison.Ordinal) && Today(statistics) == expected));
        Assert.Equal(expected, (after.Messages, after.Answered, after.OverQuota));
    }

    private static (int Messages, int Answered, int OverQuota) Today(string statistics)
    {
        var figures = Regex.Match(statistics, @"今天：消息 (\d+)，回答 (\d+)，.*超额 (\d+)");
        return (int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(figures.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited++)
        {
            Assert.True(waited < 100, "the condition did not come true within 10 s");
            await Task.Delay(100);
        }
    }
}
