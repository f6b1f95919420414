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
            usage = limits.Admit(usage, Start.AddSeconds(second)).Charged!;
        }

        var refused = limits.Admit(usage, Start.AddSeconds(59));
        var admitted = limits.Admit(usage, Start.AddSeconds(60.5));

        Assert.Equal(QuotaRefusal.RateLimited, refused.Refusal);
        Assert.Equal(Start.AddSeconds(60), refused.RetryAt);
        Assert.Equal(QuotaRefusal.None, admitted.Refusal);
        Assert.Equal(4, admitted.Charged!.Questions);
        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(60.5)], admitted.Charged.RecentQuestions);
        Assert.Equal(QuotaRefusal.RateLimited, limits.Admit(admitted.Charged, Start.AddSeconds(61)).Refusal);
    }

    [Fact]
    public void TheDailyLimitsComeFirstAndZeroMeansNone()
    {
        var used = new FollowerUsage(Questions: 5, PromptTokens: 700, CompletionTokens: 300, RecentQuestions: []);

        Assert.Equal(QuotaRefusal.DailyQuestions, new UsageLimits(5, 0, 0).Admit(used, Start).Refusal);
        Assert.Equal(QuotaRefusal.DailyTokens, new UsageLimits(0, 1000, 0).Admit(used, Start).Refusal);
        Assert.Equal(QuotaRefusal.None, new UsageLimits(6, 1001, 0).Admit(used, Start).Refusal);
        Assert.Equal(6, UsageLimits.None.Admit(used, Start).Charged!.Questions);
        Assert.Empty(UsageLimits.None.Admit(used, Start).Charged!.RecentQuestions);
    }
}
