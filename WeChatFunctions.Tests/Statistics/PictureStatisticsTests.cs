using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Statistics;

/// <summary>Pictures drawn and failed per day, and what they cost at <c>price_per_image</c>, in get_stat and the dashboard. Its own Azurite.</summary>
public sealed class PictureStatisticsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task PicturesAndTheirFailuresAreCountedAndPricedInGetStatAndTheDashboard()
    {
        await using var account = VerifiedAccount.Start();
        var application = Fixture.StartApplication(settings =>
        {
            account.Configure(settings, "passive");
            settings["image_generation"] = "on";
            settings["price_per_image"] = "0.04";
        });
        var weChat = application.CreateWeChatClient();

        await weChat.PushAsync(SignedPush.Text("/画 一只猫").From(Follower));
        Fixture.Model.Images.FailureStatus = 503;
        await weChat.PushAsync(SignedPush.Text("/画 一只狗").From(Follower));
        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => figures.Pictures + figures.PictureFailures >= 2);
        var admin = AdminConsole.NewAdmin(weChat);
        var stat = await admin.StatisticsShowingAsync("画图 1（失败 1）");
        var browser = new DashboardBrowser(application, "127.0.2.12");
        await browser.OpenLinkAsync(DashboardBrowser.CodeIn(await admin.RunAsync("dashboard")));
        var pictures = DashboardBrowser.Rows(await (await browser.OpenAsync()).Content.ReadAsStringAsync(), "pictures");

        Assert.Equal((1, 1), (today.Pictures, today.PictureFailures));
        Assert.Contains("今天：消息 2，回答 1，", stat, StringComparison.Ordinal);
        Assert.Contains("画图 1（失败 1）", stat, StringComparison.Ordinal);
        Assert.Contains("估算花费（USD）：今天 0.0400", stat, StringComparison.Ordinal);
        Assert.Contains("<td>1</td><td>1</td><td>0.0400</td></tr>", pictures, StringComparison.Ordinal);
    }
}
