namespace WeChatFunctions.Statistics;

/// <summary>How often each instance writes the statistics it added up: a few calls a second at most, however busy.</summary>
internal sealed record StatisticsFlush(TimeSpan Interval)
{
    public static readonly StatisticsFlush EverySecond = new(TimeSpan.FromSeconds(1));
}
