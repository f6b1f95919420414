using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>The dashboard's table of tool calls per day and tool, from seeded statistics.</summary>
public sealed class DashboardToolsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task EachDaysCallsAndFailuresAreShownPerTool()
    {
        var application = Fixture.StartApplication();
        var store = application.Services.GetRequiredService<IStatisticsStore>();
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1);
        var calls = NamedCounts.Of([KeyValuePair.Create("web_search", 5L), KeyValuePair.Create("orders-lookup", 2L)]);
        await store.SaveTotalsAsync(
            yesterday.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            "seed-" + Guid.NewGuid().ToString("N")[..8],
            new DailyStatistics(Messages: 7, ToolCalls: calls, ToolFailures: NamedCounts.One("web_search")),
            null,
            CancellationToken.None);
        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        var browser = new DashboardBrowser(application, "127.0.2.11");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));

        var tools = DashboardBrowser.Rows(await (await browser.OpenAsync()).Content.ReadAsStringAsync(), "tools");

        var day = yesterday.ToString("MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><td>{day}</td><td>web_search</td><td>5</td><td>1</td></tr>", tools, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{day}</td><td>orders_lookup</td><td>2</td><td>0</td></tr>", tools, StringComparison.Ordinal);
    }
}
