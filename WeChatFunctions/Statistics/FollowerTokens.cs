using System.Collections.Immutable;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Statistics;

/// <summary>
/// The prompt and completion tokens each follower spent, by OpenID, for the spend rankings. They add up like the other
/// figures; the smaller side is added into the larger, so an answer added to an instance's running totals costs one
/// lookup however many followers the instance has served that day. A follower who spent nothing is not in it.
/// </summary>
internal sealed class FollowerTokens : IEquatable<FollowerTokens>
{
    /// <summary>Orders the spends from the last of a ranking to its first: fewer tokens first, and of equal tokens the later OpenID.</summary>
    private static readonly Comparer<FollowerSpend> Fewer = Comparer<FollowerSpend>.Create((left, right) =>
        left.Tokens != right.Tokens ? left.Tokens.CompareTo(right.Tokens) : string.CompareOrdinal(right.FollowerId, left.FollowerId));

    public static readonly FollowerTokens None = new(ImmutableDictionary.Create<string, FollowerSpend>(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, FollowerSpend> _spends;

    private FollowerTokens(ImmutableDictionary<string, FollowerSpend> spends) => _spends = spends;

    public int Count => _spends.Count;

    /// <summary>Each follower's tokens, in no particular order.</summary>
    public IEnumerable<FollowerSpend> Spends => _spends.Values;

    /// <summary>
    /// The <paramref name="count"/> followers who spent most, ranked as <see cref="FollowerSpend.MostTokens"/> ranks
    /// them, chosen in one pass with a heap of <paramref name="count"/>, without sorting every follower: an instance
    /// writes its top followers each second it has news, however many it served that day.
    /// </summary>
    public IEnumerable<FollowerSpend> Top(int count)
    {
        var top = new PriorityQueue<FollowerSpend, FollowerSpend>(count + 1, Fewer);
        foreach (var spend in _spends.Values)
        {
            if (top.Count < count)
            {
                top.Enqueue(spend, spend);
            }
            else if (count > 0 && Fewer.Compare(spend, top.Peek()) > 0)
            {
                top.DequeueEnqueue(spend, spend);
            }
        }

        return FollowerSpend.MostTokens(top.UnorderedItems.Select(item => item.Element), count);
    }

    public static FollowerTokens One(string followerId, long promptTokens, long completionTokens) =>
        Of([new FollowerSpend(followerId, promptTokens, completionTokens)]);

    /// <summary>The spends added up by follower.</summary>
    public static FollowerTokens Of(IEnumerable<FollowerSpend> spends) => new(AddTo(None._spends.ToBuilder(), spends).ToImmutable());

    public static FollowerTokens operator +(FollowerTokens left, FollowerTokens right)
    {
        var (larger, smaller) = left.Count >= right.Count ? (left, right) : (right, left);
        return smaller.Count == 0 ? larger : new FollowerTokens(AddTo(larger._spends.ToBuilder(), smaller.Spends).ToImmutable());
    }

    public bool Equals(FollowerTokens? other) =>
        other is not null && Count == other.Count && _spends.All(entry => other._spends.TryGetValue(entry.Key, out var spend) && spend == entry.Value);

    public override bool Equals(object? obj) => Equals(obj as FollowerTokens);

    public override int GetHashCode() => _spends.Values.Aggregate(0, (hash, spend) => hash ^ spend.GetHashCode());

    public override string ToString() =>
        string.Join(',', _spends.Values.OrderBy(spend => spend.FollowerId, StringComparer.Ordinal).Select(spend => $"{spend.FollowerId}={spend.PromptTokens}+{spend.CompletionTokens}"));

    private static ImmutableDictionary<string, FollowerSpend>.Builder AddTo(ImmutableDictionary<string, FollowerSpend>.Builder sum, IEnumerable<FollowerSpend> spends)
    {
        foreach (var spend in spends.Where(spend => spend.Tokens != 0))
        {
            sum[spend.FollowerId] = sum.TryGetValue(spend.FollowerId, out var earlier)
                ? new FollowerSpend(spend.FollowerId, earlier.PromptTokens + spend.PromptTokens, earlier.CompletionTokens + spend.CompletionTokens)
                : spend;
        }

        return sum;
    }
}
