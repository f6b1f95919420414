using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Reads the daily figures the app's instances recorded, as <c>get_stat</c> and the dashboard read them.</summary>
internal static class StoredStatistics
{
    /// <summary>Today's figures in Beijing time once <paramref name="settled"/> holds, for at most 15 s: each instance writes its own every second.</summary>
    public static async Task<DailyStatistics> TodayWhenAsync(WeChatFixture fixture, Func<DailyStatistics, bool> settled)
    {
        var store = fixture.StartApplication().Services.GetRequiredService<IStatisticsStore>();
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var figures = DailyStatistics.Zero;
        for (var attempt = 0; attempt < 150 && !settled(figures); attempt++)
        {
            await Task.Delay(100);
            figures = (await store.ReadAllAsync(CancellationToken.None)).GetValueOrDefault(today, DailyStatistics.Zero);
        }

        return figures;
    }
}
