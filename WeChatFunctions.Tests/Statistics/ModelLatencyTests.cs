using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>Model latency counted in buckets: percentiles estimated from them fall in the bucket of the true percentile.</summary>
public sealed class ModelLatencyTests
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];

    [Property(Arbitrary = [typeof(Durations)], MaxTest = 300)]
    public bool EachPercentileFallsInTheBucketOfTheTruePercentileOfTheCalls(TimeSpan[] durations)
    {
        var buckets = durations.Select(duration => BucketCounts.One(ModelLatency.BucketOf(duration))).Aggregate(BucketCounts.None, (sum, one) => sum + one);
        var sorted = durations.Order().ToArray();
        return Quantiles.All(quantile =>
        {
            var exact = sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
            var estimate = ModelLatency.Percentile(buckets, quantile)!.Value;
            return exact > ModelLatency.Slowest ? estimate == ModelLatency.Slowest : ModelLatency.BucketOf(estimate) == ModelLatency.BucketOf(exact);
        });
    }

    [Fact]
    public void WithinABucketTheCallsAreTakenAsEvenlySpread()
    {
        var hundredBetweenOneAndOneAndAHalfSeconds = BucketCounts.Of(Enumerable.Repeat(0L, 2).Append(100));

        Assert.Equal(TimeSpan.FromSeconds(1.25), ModelLatency.Percentile(hundredBetweenOneAndOneAndAHalfSeconds, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1.45), ModelLatency.Percentile(hundredBetweenOneAndOneAndAHalfSeconds, 0.9));
        Assert.Null(ModelLatency.Percentile(BucketCounts.None, 0.5));
    }

    [Fact]
    public void CountsAddUpBucketByBucketAndABucketNeverCountedEqualsZero()
    {
        var sum = BucketCounts.One(3) + BucketCounts.One(1) + BucketCounts.One(3);

        Assert.Equal(BucketCounts.Of([0, 1, 0, 2]), sum);
        Assert.Equal(BucketCounts.Of([0, 1, 0, 2, 0, 0]), sum);
        Assert.Equal(BucketCounts.Of([0, 1, 0, 2, 0, 0]).GetHashCode(), sum.GetHashCode());
        Assert.NotEqual(BucketCounts.Of([0, 1, 0, 2, 1]), sum);
        Assert.Equal(new DailyStatistics(Messages: 1), new DailyStatistics(Messages: 1, MessagesByHour: BucketCounts.Of([0, 0])));
    }

    /// <summary>Calls from a few milliseconds to past the slowest bucket, most of them a few seconds.</summary>
    public static class Durations
    {
        public static Arbitrary<TimeSpan[]> Calls() =>
            Gen.Frequency(
                    (8, Gen.Choose(1, 10_000)),
                    (2, Gen.Choose(10_000, 200_000)))
                .Select(milliseconds => TimeSpan.FromMilliseconds(milliseconds))
                .NonEmptyListOf()
                .Select(calls => calls.ToArray())
                .ToArbitrary();
    }
}
