using System.Globalization;

namespace WeChatFunctions.Statistics;

/// <summary>
/// How long the model took, counted in fixed buckets so that a day's row stays small whatever the traffic, and
/// percentiles estimated from them: within a bucket the times are taken as evenly spread, as Prometheus does.
/// </summary>
internal static class ModelLatency
{
    /// <summary>The buckets' upper bounds, in seconds; the last bucket holds everything slower.</summary>
    private static readonly double[] UpperBounds = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60, 90, 120];

    public static int BucketCount => UpperBounds.Length + 1;

    /// <summary>The bound of the last bucket: a percentile this long or longer says only that the calls took at least this.</summary>
    public static TimeSpan Slowest => TimeSpan.FromSeconds(UpperBounds[^1]);

    public static int BucketOf(TimeSpan duration)
    {
        var index = Array.BinarySearch(UpperBounds, duration.TotalSeconds);
        return index >= 0 ? index : ~index;
    }

    /// <summary>A percentile as admins read it: seconds to a tenth, 「≥120 秒」 past the last bucket's bound, or 「—」 without calls.</summary>
    public static string Describe(TimeSpan? percentile) => percentile switch
    {
        null => "—",
        { } slow when slow >= Slowest => string.Create(CultureInfo.InvariantCulture, $"≥{Slowest.TotalSeconds:0} 秒"),
        { } known => string.Create(CultureInfo.InvariantCulture, $"{known.TotalSeconds:0.0} 秒"),
    };

    /// <summary>The time within which <paramref name="quantile"/> of the counted calls finished, or <see langword="null"/> when none were counted.</summary>
    /// <remarks>In the last bucket, which has no upper bound, it is that bucket's lower bound: the calls took at least that long.</remarks>
    public static TimeSpan? Percentile(BucketCounts buckets, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        var total = buckets.Total;
        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long below = 0;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            var count = buckets[bucket];
            if (count > 0 && below + count >= rank)
            {
                var lower = bucket == 0 ? 0 : UpperBounds[bucket - 1];
                if (bucket == UpperBounds.Length)
                {
                    return TimeSpan.FromSeconds(lower);
                }

                return TimeSpan.FromSeconds(lower + ((UpperBounds[bucket] - lower) * (rank - below) / count));
            }

            below += count;
        }

        return TimeSpan.FromSeconds(UpperBounds[^1]);
    }
}
