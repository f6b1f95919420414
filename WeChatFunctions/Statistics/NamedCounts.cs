using System.Collections.Immutable;

namespace WeChatFunctions.Statistics;

/// <summary>
/// Counts by name, such as calls per tool: names come and go (an MCP server adds tools), so they are not columns of
/// their own. They add up like the other figures, a name never counted reading as zero.
/// </summary>
internal sealed class NamedCounts : IEquatable<NamedCounts>
{
    public static readonly NamedCounts None = new(ImmutableSortedDictionary<string, long>.Empty);

    private readonly ImmutableSortedDictionary<string, long> _counts;

    private NamedCounts(ImmutableSortedDictionary<string, long> counts) => _counts = counts;

    public IEnumerable<KeyValuePair<string, long>> Counts => _counts.Where(entry => entry.Value != 0);

    public long this[string name] => _counts.GetValueOrDefault(name);

    public static NamedCounts One(string name) => new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal).Add(name, 1));

    public static NamedCounts Of(IEnumerable<KeyValuePair<string, long>> counts) =>
        new(counts.Where(entry => entry.Value != 0).ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal));

    public static NamedCounts operator +(NamedCounts left, NamedCounts right)
    {
        if (right._counts.IsEmpty || left._counts.IsEmpty)
        {
            return right._counts.IsEmpty ? left : right;
        }

        var sum = left._counts.ToBuilder();
        foreach (var (name, count) in right._counts)
        {
            sum[name] = sum.GetValueOrDefault(name) + count;
        }

        return new NamedCounts(sum.ToImmutable());
    }

    public bool Equals(NamedCounts? other) => other is not null && Counts.SequenceEqual(other.Counts);

    public override bool Equals(object? obj) => Equals(obj as NamedCounts);

    public override int GetHashCode() => Counts.Aggregate(0, (hash, entry) => HashCode.Combine(hash, entry.Key, entry.Value));

    public override string ToString() => string.Join(',', Counts.Select(entry => $"{entry.Key}={entry.Value}"));
}
