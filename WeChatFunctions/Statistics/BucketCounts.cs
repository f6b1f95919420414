namespace WeChatFunctions.Statistics;

/// <summary>
/// Counts in numbered buckets, such as messages by hour of the day or answers by how long the model took. They add up
/// like the other figures, and two are equal when their counts are, a bucket never counted reading as zero, so that a
/// row read back compares equal to the totals written.
/// </summary>
internal sealed class BucketCounts : IEquatable<BucketCounts>
{
    public static readonly BucketCounts None = new([]);

    private readonly long[] _counts;

    private BucketCounts(long[] counts) => _counts = counts;

    /// <summary>The buckets that can hold a count; those past it are zero.</summary>
    public int Length => _counts.Length;

    public long Total => _counts.Sum();

    public long this[int bucket] => bucket < _counts.Length ? _counts[bucket] : 0;

    /// <summary>One count in <paramref name="bucket"/>.</summary>
    public static BucketCounts One(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        var counts = new long[bucket + 1];
        counts[bucket] = 1;
        return new BucketCounts(counts);
    }

    public static BucketCounts Of(IEnumerable<long> counts) => new([.. counts]);

    public static BucketCounts operator +(BucketCounts left, BucketCounts right)
    {
        // Most figures a message adds carry no buckets; counts never change, so either side can be handed back as it is.
        if (right.Length == 0 || left.Length == 0)
        {
            return right.Length == 0 ? left : right;
        }

        var sum = new long[Math.Max(left.Length, right.Length)];
        for (var bucket = 0; bucket < sum.Length; bucket++)
        {
            sum[bucket] = left[bucket] + right[bucket];
        }

        return new BucketCounts(sum);
    }

    public bool Equals(BucketCounts? other) =>
        other is not null && Enumerable.Range(0, Math.Max(Length, other.Length)).All(bucket => this[bucket] == other[bucket]);

    public override bool Equals(object? obj) => Equals(obj as BucketCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in _counts.AsSpan(0, Array.FindLastIndex(_counts, count => count != 0) + 1))
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(',', _counts)}]";
}
