using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>The statistics behind the dashboard's busy hours and model latency: the hour a message came in, and how long the model took. Its own Azurite.</summary>
public sealed class BusyHoursAndLatencyTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AMessageIsCountedInTheHourItCameAndItsAnswerByHowLongTheModelTook()
    {
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(1.2), ChunkInterval = TimeSpan.FromMilliseconds(300) });
        var askedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

        Assert.Equal("回答：慢一点的问题", await Fixture.WeChat.AskAsync(Follower, "慢一点的问题"));
        var slow = ModelLatency.BucketOf(TimeSpan.FromSeconds(1.2));
        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => CountFrom(figures.AnswerLatency, slow) >= 1);

        Assert.True(today.MessagesByHour[askedAt.Hour] + today.MessagesByHour[DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Hour] >= 1);
        Assert.Equal(today.Messages, today.MessagesByHour.Total);
        Assert.Equal(1, CountFrom(today.FirstTextLatency, slow));
        Assert.Equal(1, CountFrom(today.AnswerLatency, ModelLatency.BucketOf(TimeSpan.FromSeconds(1.5))));
    }

    /// <summary>The calls counted in <paramref name="bucket"/> or a slower one.</summary>
    private static long CountFrom(BucketCounts latency, int bucket) => Enumerable.Range(bucket, ModelLatency.BucketCount - bucket).Sum(slower => latency[slower]);
}
