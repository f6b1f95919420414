namespace WeChatFunctions.Limits;

/// <summary>A follower's limits, 0 meaning none, and whether a new question fits in them.</summary>
internal sealed record UsageLimits(int DailyQuestions, long DailyTokens, int PerMinute)
{
    public static readonly UsageLimits None = new(0, 0, 0);

    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Charges a question asked at <paramref name="at"/> and holds its <paramref name="reservation"/>, or says which
    /// limit it hits. It fits the token limit only if its reservation does, beside those of answers still in flight.
    /// </summary>
    public Admission Admit(FollowerUsage usage, DateTimeOffset at, TokenReservation reservation)
    {
        if (usage.Knows(reservation.MessageId))
        {
            // Charged already: a write whose response was lost and was retried, or a takeover of a charged question.
            return new Admission(usage, QuotaRefusal.None);
        }

        if (DailyQuestions > 0 && usage.Questions >= DailyQuestions)
        {
            return new Admission(null, QuotaRefusal.DailyQuestions);
        }

        if (DailyTokens > 0 && usage.Tokens + usage.ReservedAt(at) + reservation.Tokens > DailyTokens)
        {
            return new Admission(null, QuotaRefusal.DailyTokens);
        }

        return AdmitToRate(usage.Reserving(reservation, at) with { Questions = usage.Questions + 1 }, at);
    }

    /// <summary>
    /// Counts something sent at <paramref name="at"/> toward the rate alone, as an image is, or says when the follower
    /// may send again.
    /// </summary>
    public Admission AdmitToRate(FollowerUsage usage, DateTimeOffset at)
    {
        if (PerMinute == 0)
        {
            return new Admission(usage, QuotaRefusal.None);
        }

        // A sliding window: the question fits when fewer than PerMinute were asked in the 60 seconds before it. Questions
        // charged moments earlier on another instance may carry a slightly later arrival; they count too.
        var recent = usage.RecentQuestions.Where(time => time > at - RateWindow).Order().ToList();
        if (recent.Count >= PerMinute)
        {
            return new Admission(null, QuotaRefusal.RateLimited, recent[^PerMinute] + RateWindow);
        }

        return new Admission(usage with { RecentQuestions = [.. recent.TakeLast(PerMinute - 1), at] }, QuotaRefusal.None);
    }
}

/// <param name="Charged">The usage with the question charged, or <see langword="null"/> when it was refused.</param>
/// <param name="RetryAt">When a rate-limited follower may ask again.</param>
internal sealed record Admission(FollowerUsage? Charged, QuotaRefusal Refusal, DateTimeOffset RetryAt = default);

internal enum QuotaRefusal
{
    None,
    DailyQuestions,
    DailyTokens,
    AccountTokens,
    RateLimited,
    DailyPictures,
}
