using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser, the size of a phone: Debian's Chromium, driven through chromedriver by Selenium.
/// It follows the admin's link, sees the charts drawn with the seeded week, busy hours and latency, and the audit table, and keeps a screenshot.
/// </summary>
public sealed class DashboardBrowserTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [BrowserFact]
    public async Task OnAPhoneTheLinkOpensChartsOfTheSeededWeekAndTheAuditTable()
    {
        var application = Fixture.StartApplication(settings => settings["price_per_1k_prompt_tokens"] = "0.5");
        var store = application.Services.GetRequiredService<IStatisticsStore>();
        var writer = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        for (var back = 1; back <= 6; back++)
        {
            var day = beijing.AddDays(-back).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await store.SaveTotalsAsync(day, writer, new DailyStatistics(
                Messages: 3000 + (back * 100),
                Answered: 2000 + (back * 100),
                PromptTokens: 40_000 * back,
                MessagesByHour: BucketCounts.Of(Enumerable.Range(0, 24).Select(hour => (long)(hour * back))),
                AnswerLatency: BucketCounts.One(back)),
            null,
            CancellationToken.None);
        }

        var admin = AdminConsole.NewAdmin(application.CreateWeChatClient());
        await admin.RunAsync("block", Follower);
        var link = DashboardBrowser.LinkIn(await admin.RunAsync("dashboard")).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        using var browser = PhoneBrowser.Start();
        browser.Navigate().GoToUrl(link);
        var waiting = new WebDriverWait(browser, TimeSpan.FromSeconds(20));
        var activity = waiting.Until(driver => driver.FindElements(By.CssSelector("#chart-activity[data-rendered='true']")).FirstOrDefault());
        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard-phone.png");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(screenshot);

        var expectedMessages = string.Join(',', Enumerable.Range(1, 6).Reverse().Select(back => 3000 + (back * 100))) + ",";
        Assert.StartsWith(expectedMessages, activity!.GetAttribute("data-values"), StringComparison.Ordinal);
        Assert.True(activity.FindElement(By.TagName("canvas")).Size.Width > 200);
        Assert.Equal("true", browser.FindElement(By.Id("chart-tokens")).GetAttribute("data-rendered"));
        Assert.Equal("true", browser.FindElement(By.Id("chart-spend")).GetAttribute("data-rendered"));
        // Each hour's messages over the six days: hour × (1 + 2 + … + 6).
        Assert.Equal(string.Join(',', Enumerable.Range(0, 24).Select(hour => hour * 21)), browser.FindElement(By.Id("chart-hours")).GetAttribute("data-values")?.Split(';')[0]);
        Assert.Equal("true", browser.FindElement(By.Id("chart-latency")).GetAttribute("data-rendered"));
        Assert.True(browser.FindElement(By.CssSelector("#chart-hours canvas")).Size.Width > 200);
        Assert.EndsWith("/api/dashboard", browser.Url, StringComparison.Ordinal);
        Assert.Contains("block", browser.FindElement(By.Id("audit")).Text, StringComparison.Ordinal);
        Assert.Contains($"{Follower[..6]}…{Follower[^4..]}", browser.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
