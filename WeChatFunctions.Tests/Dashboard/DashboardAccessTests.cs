using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Dashboard;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>
/// The dashboard has one way in: an admin's one-time link, exchanged once for a session cookie. A used or expired
/// link is refused and says to ask again, and guessing codes locks the guesser out like failed admin commands.
/// </summary>
public sealed class DashboardAccessTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private readonly string _client = $"127.0.113.{Random.Shared.Next(1, 250)}";

    [Fact]
    public async Task ALinkOpensTheDashboardOnceAndSetsAStrictSessionCookie()
    {
        var application = Fixture.StartApplication();
        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");
        var browser = new DashboardBrowser(application, _client);

        var landing = await browser.OpenLinkAsync(DashboardBrowser.CodeIn(reply));
        var page = await browser.OpenAsync();
        var reused = await new DashboardBrowser(application, _client).OpenLinkAsync(DashboardBrowser.CodeIn(reply));
        var stranger = await new DashboardBrowser(application, _client).OpenAsync();

        Assert.StartsWith("管理后台链接（10 分钟内有效，只能打开一次，请勿转发）：\nhttp://", reply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        var cookie = browser.Cookie!.Split("; ").Select(part => part.ToLowerInvariant()).ToList();
        Assert.Matches("^wechat_dashboard=[a-z0-9_-]{43}$", cookie[0]);
        Assert.Subset(cookie.ToHashSet(), new HashSet<string> { "httponly", "secure", "samesite=strict", "path=/api/dashboard", "max-age=1800" });
        Assert.Contains("http-equiv=\"refresh\" content=\"0;url=/api/dashboard\"", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("公众号助手 · 管理后台", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reused.StatusCode);
        Assert.Contains("这个链接已经用过了", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Contains(DashboardTexts.SignInNeeded, await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var response in new[] { landing, page, reused, stranger })
        {
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedAndSaysToAskAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var application = Fixture.StartApplication(settings => settings["dashboard_link_minutes"] = "2", services => services.AddSingleton<TimeProvider>(clock));
        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var expired = await new DashboardBrowser(application, _client).OpenLinkAsync(DashboardBrowser.CodeIn(reply));

        Assert.StartsWith("管理后台链接（2 分钟内有效", reply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("这个链接已过期。请在公众号里重新发送 dashboard 获取新链接。", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessingCodesLocksTheGuesserOutEvenOfAValidLinkAndTheCodeNeverReachesTheAuditLog()
    {
        var admin = AdminConsole.NewAdmin(Fixture.WeChat);
        var reply = await admin.RunAsync("dashboard");
        var guesser = new DashboardBrowser(Fixture.StartApplication(), _client);
        for (var guess = 0; guess < 5; guess++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await guesser.OpenLinkAsync($"guess-{guess}")).StatusCode);
        }

        var locked = await guesser.OpenLinkAsync(DashboardBrowser.CodeIn(reply));
        var elsewhere = await new DashboardBrowser(Fixture.StartApplication(), "127.0.100.7").OpenLinkAsync(DashboardBrowser.CodeIn(reply));
        var audit = await admin.RunAsync("get_audit", "3");

        Assert.Contains("尝试次数太多", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode); // the lockout held the code back, so another client may still use it
        Assert.Contains(" dashboard → 管理后台链接", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardBrowser.CodeIn(reply), audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheDashboardTurnedOffThereIsNoPageAndNoLink()
    {
        var application = Fixture.StartApplication(settings => settings["dashboard_enabled"] = "false");

        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");
        var page = await new DashboardBrowser(application, _client).OpenAsync();

        Assert.Equal("管理后台已关闭（dashboard_enabled=false）。", reply);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
