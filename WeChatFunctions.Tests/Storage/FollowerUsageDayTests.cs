using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Limits;
using WeChatFunctions.Model;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>
/// The follower's one usage row across midnight: the new day counts from zero, and an answer asked the day before
/// still settles its own reservation, once, without adding to the new day's counts.
/// </summary>
public sealed class FollowerUsageDayTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task ANewDayCountsAfreshAndYesterdaysAnswerSettlesOnlyItsReservation()
    {
        var usage = Fixture.StartApplication().Services.GetRequiredService<IUsageStore>();
        var (yesterday, today) = ("20991230", "20991231");
        var limits = new UsageLimits(DailyQuestions: 1, DailyTokens: 0, PerMinute: 0);
        var lateEvening = DateTimeOffset.UtcNow;

        Assert.True(await ChargeAsync(usage, limits, yesterday, "m1", lateEvening));
        Assert.False(await ChargeAsync(usage, limits, yesterday, "m2", lateEvening)); // the day's one question is used
        Assert.True(await ChargeAsync(usage, limits, today, "m3", lateEvening.AddMinutes(1)));
        var settlement = new ChargeSettlement(new QuotaCharge(Follower, yesterday, "m1", AccountTokens: 0), new TokenUsage(100, 20), Refund: false);
        Assert.True(await usage.TryChangeAsync(Follower, yesterday, settlement.ApplyTo, followsOwnWrite: true, CancellationToken.None));
        Assert.False(await usage.TryChangeAsync(Follower, yesterday, settlement.ApplyTo, followsOwnWrite: true, CancellationToken.None)); // once

        var now = await usage.GetAsync(Follower, today, CancellationToken.None);
        Assert.Equal((1, 0L, 0L), (now.Questions, now.PromptTokens, now.CompletionTokens));
        Assert.False(now.Holds("m1"));
        Assert.True(now.Knows("m1")); // a takeover after midnight still finds it charged
        Assert.True(now.Holds("m3"));
    }

    private Task<bool> ChargeAsync(IUsageStore usage, UsageLimits limits, string day, string messageId, DateTimeOffset at) =>
        usage.TryChangeAsync(Follower, day, current => limits.Admit(current, at, new TokenReservation(messageId, 500, at.AddMinutes(5))).Charged, followsOwnWrite: false, CancellationToken.None);
}
