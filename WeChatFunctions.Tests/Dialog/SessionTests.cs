using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dialog;

/// <summary>Conversations end after <c>session_idle_minutes</c> of silence; the next question starts afresh.</summary>
public sealed class SessionTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AQuestionAfterMoreThanThirtyIdleMinutesStartsAFreshConversation()
    {
        await StoredTurns.AddExchangeAsync(Fixture.Storage, Follower, DateTimeOffset.UtcNow.AddMinutes(-31), "半小时前的问题", "半小时前的回答");

        await Fixture.WeChat.AskAsync(Follower, "新的问题");

        var request = Assert.Single(Fixture.Model.RequestsAbout("新的问题"));
        Assert.Equal(["system", "user"], request.Messages.Select(message => message.Role));
    }

    [Fact]
    public async Task AQuestionWithinTheIdleLimitContinuesTheConversationUpToTheLastLongSilence()
    {
        await StoredTurns.AddExchangeAsync(Fixture.Storage, Follower, DateTimeOffset.UtcNow.AddMinutes(-80), "很早的问题", "很早的回答");
        await StoredTurns.AddExchangeAsync(Fixture.Storage, Follower, DateTimeOffset.UtcNow.AddMinutes(-20), "二十分钟前的问题", "二十分钟前的回答");

        await Fixture.WeChat.AskAsync(Follower, "接着问");

        var request = Assert.Single(Fixture.Model.RequestsAbout("接着问"));
        Assert.Equal(["二十分钟前的问题", "二十分钟前的回答", "接着问"], request.Messages.Skip(1).Select(message => message.Content));
    }
}
