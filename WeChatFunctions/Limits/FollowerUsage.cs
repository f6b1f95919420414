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

    /// <summary>The pictures charged today, each by the message (or tool call) it was drawn for; a refund takes its entry back.</summary>
    public IReadOnlyList<string> Pictures { get; init; } = [];

    /// <summary>
    /// How long a reservation is remembered after it stops counting: beyond the hour in which a follower's next message
    /// still takes over an answer whose instance died, so that the takeover knows whether the question was charged.
    /// </summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(2);

    /// <summary>The tokens held for answers still in flight at <paramref name="now"/>.</summary>
    public long ReservedAt(DateTimeOffset now) => Reservations.Where(held => held.Until > now).Sum(held => held.Tokens);

    /// <summary>Holds <paramref name="reservation"/>, and forgets reservations long over.</summary>
    public FollowerUsage Reserving(TokenReservation reservation, DateTimeOffset now) =>
        this with { Reservations = [.. Reservations.Where(held => held.Until + Remembered > now && held.MessageId != reservation.MessageId), reservation] };

    /// <summary>Whether the message's question was charged, whether or not its answer settled.</summary>
    public bool Knows(string messageId) => Reservations.Any(held => held.MessageId == messageId);

    /// <summary>Whether the message's question was charged and its answer not settled yet.</summary>
    public bool Holds(string messageId) => Reservations.Any(held => held.MessageId == messageId && held.Tokens > 0);

    /// <summary>
    /// Adds the tokens the message's answer really used, settles its reservation to zero and, for a question that got
    /// no answer, takes the question back. Settling only what is still held makes a settlement count once, even when
    /// a write whose response was lost is retried.
    /// </summary>
    public FollowerUsage Settled(string messageId, TokenUsage used, bool refund) => !Holds(messageId) ? this : this with
    {
        Questions = refund && Questions > 0 ? Questions - 1 : Questions,
        PromptTokens = PromptTokens + used.PromptTokens,
        CompletionTokens = CompletionTokens + used.CompletionTokens,
        Reservations = [.. Reservations.Select(held => held.MessageId == messageId ? held with { Tokens = 0 } : held)],
    };

    /// <summary>Whether the counts, reservations and pictures, which share the day's row, differ.</summary>
    public bool DayDiffersFrom(FollowerUsage other) =>
        (Questions, PromptTokens, CompletionTokens) != (other.Questions, other.PromptTokens, other.CompletionTokens)
        || !Reservations.SequenceEqual(other.Reservations)
        || !Pictures.SequenceEqual(other.Pictures, StringComparer.Ordinal);
}
