using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WeChatFunctions.Dashboard;
using WeChatFunctions.Settings;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>
/// The dashboard's lockout is keyed on who connected, not on what the client says in X-Forwarded-For: that header
/// counts only as written by a proxy named in <c>trusted_proxies</c>, and under the Functions host by App Service's
/// front end, which overwrites <c>Client-IP</c>.
/// </summary>
public sealed class DashboardClientAddressTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Proxies = "127.0.77.0/24";

    private readonly string _address = $"127.0.{Random.Shared.Next(120, 200)}.{Random.Shared.Next(1, 250)}";

    [Fact]
    public async Task AGuesserWhoWritesADifferentXForwardedForEachTimeIsStillLockedOut()
    {
        var application = Fixture.StartApplication();
        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");
        var guesser = new DashboardBrowser(application, _address);
        for (var guess = 0; guess < 5; guess++)
        {
            guesser.ForwardedFor = $"198.51.100.{guess + 1}";
            Assert.Equal(HttpStatusCode.Forbidden, (await guesser.OpenLinkAsync($"guess-{guess}")).StatusCode);
        }

        guesser.ForwardedFor = "198.51.100.99";
        var locked = await guesser.OpenLinkAsync(DashboardBrowser.CodeIn(reply));

        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Contains("尝试次数太多", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATrustedProxyTheAddressItForwardsIsTheClient()
    {
        var application = Fixture.StartApplication(settings => settings["trusted_proxies"] = Proxies);
        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");
        var proxy = $"127.0.77.{Random.Shared.Next(1, 250)}";
        // A client behind two trusted proxies: the nearer one appended the outer one's address.
        var guesser = new DashboardBrowser(application, proxy) { ForwardedFor = $"203.0.113.5, {proxy}" };
        for (var guess = 0; guess < 5; guess++)
        {
            await guesser.OpenLinkAsync($"guess-{guess}");
        }

        var locked = await guesser.OpenLinkAsync(DashboardBrowser.CodeIn(reply));
        var neighbour = await new DashboardBrowser(application, proxy) { ForwardedFor = $"203.0.113.6, {proxy}" }.OpenLinkAsync(DashboardBrowser.CodeIn(reply));

        Assert.Contains("尝试次数太多", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Theory]
    [InlineData(null, "", "127.0.0.9")]
    [InlineData(null, "198.51.100.1", "127.0.0.9")] // no proxy is trusted: the header is the client's own word
    [InlineData(Proxies, "198.51.100.1, 127.0.77.2", "127.0.0.9")] // the socket is no trusted proxy
    [InlineData("127.0.0.9", "203.0.113.5:50123", "203.0.113.5")]
    [InlineData("127.0.0.9", "198.51.100.1, 203.0.113.5", "203.0.113.5")] // the client wrote the first entry
    [InlineData("127.0.0.9, 10.1.0.0/16", "198.51.100.1, [2001:db8::7]:443, 10.1.2.3", "2001:db8::7")]
    [InlineData("127.0.0.9", "not-an-address", "127.0.0.9")]
    public void TheClientIsTheSocketOrWhatTrustedProxiesForwarded(string? trusted, string forwardedFor, string client)
    {
        var context = Request(forwardedFor);

        Assert.Equal(client, new ClientAddresses(ClientAddressSource.Socket, Options(trusted)).Of(context));
    }

    [Theory]
    [InlineData("198.51.100.4:50123", "198.51.100.4")]
    [InlineData("", "127.0.0.9")]
    public void UnderTheFunctionsHostTheClientIsTheFrontEndsClientIpWhateverElseTheClientSends(string clientIp, string client)
    {
        var context = Request("203.0.113.66");
        context.Request.Headers["Client-IP"] = clientIp;

        Assert.Equal(client, new ClientAddresses(ClientAddressSource.AppServiceFrontEnd, Options(null)).Of(context));
    }

    private static DefaultHttpContext Request(string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.9").MapToIPv6();
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }

    private static IOptions<DashboardOptions> Options(string? trustedProxies) => Microsoft.Extensions.Options.Options.Create(new DashboardOptions { TrustedProxies = trustedProxies });
}
