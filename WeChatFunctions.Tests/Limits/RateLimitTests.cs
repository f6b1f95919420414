using System.Globalization;
using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>The per-follower rate limit, over HTTP and Azurite.</summary>
public sealed partial class RateLimitTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AQuestionOverTheRateIsRefusedWithWhenToTryAgainAndCostsNothing()
    {
        var weChat = LimitedTo(3);
        var third = SignedPush.Text("第三问").From(Follower);

        await weChat.AskAsync(Follower, "第一问");
        await weChat.AskAsync(Follower, "第二问");
        await weChat.PushAsync(third);
        var retry = await weChat.PushAsync(third);
        var refused = await weChat.AskAsync(Follower, "第四问");

        Assert.Equal("回答：第三问", retry.Content);
        var wait = TooFast().Match(refused);
        Assert.True(wait.Success, refused);
        Assert.InRange(int.Parse(wait.Groups[1].Value, CultureInfo.InvariantCulture), 50, 60);
        Assert.Empty(Fixture.Model.RequestsAbout("第四问"));
        Assert.Equal(3, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AnImageCountsTowardTheRateLikeAQuestionButNotTowardTheDaysQuestions()
    {
        var weChat = LimitedTo(2);
        await weChat.AskAsync(Follower, "第一问");
        await weChat.AskAsync(Follower, "第二问");

        // Refused before any download, so the closed port is never tried.
        var image = await weChat.PushAsync(SignedPush.Image("http://127.0.0.1:9/picture.png").From(Follower));

        Assert.Matches(TooFast(), image.Content);
        Assert.Equal(2, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task QuestionsSentAtOnceAreAdmittedExactlyUpToTheRate()
    {
        var weChat = LimitedTo(6);

        var replies = await Task.WhenAll(Enumerable.Range(1, 10).Select(index => weChat.AskAsync(Follower, $"同时发出的问题 {index}")));

        Assert.Equal(6, replies.Count(reply => reply.StartsWith("回答：", StringComparison.Ordinal)));
        Assert.Equal(4, replies.Count(reply => TooFast().IsMatch(reply)));
        Assert.Equal(6, Fixture.Model.RequestsAbout("同时发出的问题").Count);
    }

    [Fact]
    public async Task WhitelistedFollowersHaveNoRateLimit()
    {
        var weChat = LimitedTo(1, settings => settings["white_list_user_ids"] = Follower);

        await weChat.AskAsync(Follower, "第一问");

        Assert.Equal("回答：第二问", await weChat.AskAsync(Follower, "第二问"));
    }

    private WeChatClient LimitedTo(int perMinute, Action<Dictionary<string, string?>>? changeSettings = null) =>
        Fixture.StartApplication(settings =>
        {
            settings["rate_limit_per_minute"] = perMinute.ToString(CultureInfo.InvariantCulture);
            changeSettings?.Invoke(settings);
        }).CreateWeChatClient();

    [GeneratedRegex("^提问太快了：每分钟最多 \\d+ 个问题。请 (\\d+) 秒后再问。$")]
    private static partial Regex TooFast();
}
