using WeChatFunctions.Limits;

namespace WeChatFunctions.Tests.Limits;

/// <summary>The limits' decisions, at exact moments: the sliding minute of the rate limit cannot be waited out in a test.</summary>
public sealed class UsageLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheRateLimitIsASlidingMinute()
    {
        var limits = new UsageLimits(DailyQuestions: 0, DailyTokens: 0, PerMinute: 3);
        var usage = FollowerUsage.None;
        foreach (var second in new[] { 0, 10, 20 })
        {
            usage = limits.Admit(usage, Start.AddSeconds(second), Reserve(second)).Charged!;
        }

        var refused = limits.Admit(usage, Start.AddSeconds(59), Reserve(59));
        var admitted = limits.Admit(usage, Start.AddSeconds(60.5), Reserve(60));

        Assert.Equal(QuotaRefusal.RateLimited, refused.Refusal);
        Assert.Equal(Start.AddSeconds(60), refused.RetryAt);
        Assert.Equal(QuotaRefusal.None, admitted.Refusal);
        Assert.Equal(4, admitted.Charged!.Questions);
        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(60.5)], admitted.Charged.RecentQuestions);
        Assert.Equal(QuotaRefusal.RateLimited, limits.Admit(admitted.Charged, Start.AddSeconds(61), Reserve(61)).Refusal);
    }

    [Fact]
    public void TheDailyLimitsComeFirstAndZeroMeansNone()
    {
        var used = new FollowerUsage(Questions: 5, PromptTokens: 700, CompletionTokens: 300, RecentQuestions: [], Reservations: []);
        var reservation = Reserve(0, tokens: 100);

        Assert.Equal(QuotaRefusal.DailyQuestions, new UsageLimits(5, 0, 0).Admit(used, Start, reservation).Refusal);
        Assert.Equal(QuotaRefusal.DailyTokens, new UsageLimits(0, 1099, 0).Admit(used, Start, reservation).Refusal);
        Assert.Equal(QuotaRefusal.None, new UsageLimits(6, 1100, 0).Admit(used, Start, reservation).Refusal);
        Assert.Equal(6, UsageLimits.None.Admit(used, Start, reservation).Charged!.Questions);
        Assert.Empty(UsageLimits.None.Admit(used, Start, reservation).Charged!.RecentQuestions);
    }

    [Fact]
    public void AnswersInFlightHoldTheirReservationsUntilSettledOrRunOut()
    {
        var limits = new UsageLimits(DailyQuestions: 0, DailyTokens: 1000, PerMinute: 0);
        var first = limits.Admit(FollowerUsage.None, Start, Reserve(0, tokens: 600)).Charged!;

        var second = limits.Admit(first, Start.AddSeconds(1), Reserve(1, tokens: 600));
        var afterSettling = first.Settled("m0", new(PromptTokens: 150, CompletionTokens: 50), refund: false);
        var settledSecond = limits.Admit(afterSettling, Start.AddSeconds(1), Reserve(1, tokens: 600)).Charged!;
        var afterRunningOut = limits.Admit(first, Start.AddMinutes(10), Reserve(600, tokens: 600)).Charged!;

        Assert.Equal(QuotaRefusal.DailyTokens, second.Refusal);
        Assert.Equal((200L, 0L), (afterSettling.Tokens, afterSettling.ReservedAt(Start)));
        Assert.Equal(600, settledSecond.ReservedAt(Start.AddSeconds(1)));
        Assert.Equal(600, afterRunningOut.ReservedAt(Start.AddMinutes(10)));
        Assert.True(afterRunningOut.Knows("m0"), "a reservation that ran out is still remembered as charged");
        Assert.False(afterSettling.Settled("m0", new(9, 9), refund: true).DayDiffersFrom(afterSettling), "a second settlement of the same message changes nothing");
        Assert.Equal(QuotaRefusal.None, limits.Admit(afterSettling, Start.AddSeconds(2), Reserve(0, tokens: 600)).Refusal);
        Assert.Equal(1, limits.Admit(afterSettling, Start.AddSeconds(2), Reserve(0, tokens: 600)).Charged!.Questions);
    }

    /// <summary>A reservation for message <c>m{second}</c>, asked <paramref name="second"/> seconds in, that runs out 5 minutes later.</summary>
    private static TokenReservation Reserve(int second, long tokens = 10) => new($"m{second}", tokens, Start.AddSeconds(second + 300));
}
