using WeChatFunctions.Model;

namespace WeChatFunctions.Limits;

/// <summary>
/// What a follower used on one quota day, the tokens held for their answers in flight, and when they asked their most
/// recent questions (for the rate limit).
/// </summary>
internal sealed record FollowerUsage(
    int Questions, long PromptTokens, long CompletionTokens, IReadOnlyList<DateTimeOffset> RecentQuestions, IReadOnlyList<TokenReservation> Reservations)
{
    public static readonly FollowerUsage None = new(0, 0, 0, [], []);

    public long Tokens => PromptTokens + CompletionTokens;

    /// <summary>The tokens held for answers still in flight at <paramref name="now"/>.</summary>
    public long ReservedAt(DateTimeOffset now) => Live(now).Sum(reservation => reservation.Tokens);

    /// <summary>Holds <paramref name="reservation"/>, and lets go of reservations that ran out.</summary>
    public FollowerUsage Reserving(TokenReservation reservation, DateTimeOffset now) =>
        this with { Reservations = [.. Live(now).Where(held => held.MessageId != reservation.MessageId), reservation] };

    /// <summary>Whether the message's question was charged and its answer not settled yet.</summary>
    public bool Holds(string messageId) => Reservations.Any(held => held.MessageId == messageId);

    /// <summary>
    /// Replaces the message's reservation with the tokens it really used. Settling only what is still held makes a
    /// settlement count once, even when a write whose response was lost is retried.
    /// </summary>
    public FollowerUsage Settled(string messageId, TokenUsage used) => !Holds(messageId) ? this : this with
    {
        PromptTokens = PromptTokens + used.PromptTokens,
        CompletionTokens = CompletionTokens + used.CompletionTokens,
        Reservations = [.. Reservations.Where(held => held.MessageId != messageId)],
    };

    /// <summary>Whether the counts and reservations, which share the day's row, differ.</summary>
    public bool DayDiffersFrom(FollowerUsage other) =>
        (Questions, PromptTokens, CompletionTokens) != (other.Questions, other.PromptTokens, other.CompletionTokens)
        || !Reservations.SequenceEqual(other.Reservations);

    private IEnumerable<TokenReservation> Live(DateTimeOffset now) => Reservations.Where(reservation => reservation.Until > now);
}
