using System.Net;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Settings;

namespace WeChatFunctions.Tests.WebSearch;

/// <summary>The web search settings as an operator meets them: a wrong one stops the app with one line naming it.</summary>
public sealed class WebSearchSettingsTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = StartupTests.StartTimeout;

    private readonly string _directory = Directory.CreateTempSubdirectory("wechatfunctions-").FullName;

    [Theory]
    [InlineData("tools", "current_time,web_search", "", "", "", "'tools' names web_search, but 'web_search_provider' is not set")]
    [InlineData("web_search_provider", "", "google", "", "", "'web_search_provider' must be searxng, tavily or bocha")]
    [InlineData("web_search_endpoint", "web_search", "searxng", "", "", "'web_search_endpoint' is not set")]
    [InlineData("web_search_key", "web_search", "tavily", "", "", "'web_search_key' is not set")]
    [InlineData("web_search_key", "web_search", "bocha", "https://bocha.example.com/v1/web-search", "", "'web_search_key' is not set")]
    [InlineData("web_search_endpoint", "web_search", "tavily", "http://search.example.net", "tvly-key", "'web_search_endpoint' must be an https URL")]
    [InlineData("web_search_endpoint", "web_search", "bocha", "http://10.0.0.4/v1/web-search", "sk-key", "'web_search_endpoint' must be an https URL")]
    [InlineData("web_search_endpoint", "web_search", "searxng", "searxng:8080", "", "'web_search_endpoint' must be an absolute http or https URL")]
    public async Task AWrongWebSearchSettingStopsTheAppWithOneLineNamingIt(string named, string tools, string provider, string endpoint, string key, string problem)
    {
        var settings = StartupTests.ValidSettings();
        settings["tools"] = tools;
        settings["web_search_provider"] = provider;
        settings["web_search_endpoint"] = endpoint;
        settings["web_search_key"] = key;

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        var line = await app.ConfigurationErrorAsync(StartTimeout);

        Assert.Contains($"'{named}'", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.DoesNotContain("-key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultCountBeyondTenStopsTheAppWithOneLineNamingIt()
    {
        var settings = StartupTests.ValidSettings();
        settings["web_search_results"] = "11";

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        var line = await app.ConfigurationErrorAsync(StartTimeout);

        Assert.Equal("Configuration error: Setting 'web_search_results' must be between 1 and 10.", line);
    }

    /// <summary>SearXNG is sent no key, so the operator's own instance may be plain http on the compose network.</summary>
    [Fact]
    public async Task APlainHttpSearxngOnAPrivateNetworkAndTavilyWithoutAnEndpointAreAccepted()
    {
        var searxng = StartupTests.ValidSettings();
        searxng["tools"] = "current_time,web_search";
        searxng["web_search_provider"] = "SearXNG";
        searxng["web_search_endpoint"] = "http://searxng:8080";
        var tavily = StartupTests.ValidSettings();
        tavily["tools"] = "web_search";
        tavily["web_search_provider"] = "tavily";
        tavily["web_search_key"] = "tvly-only-a-key";

        await using var first = AppProcess.Start(searxng, _directory, AppProcess.AnyLoopbackPort);
        await using var second = AppProcess.Start(tavily, _directory, AppProcess.AnyLoopbackPort);
        using var searxngHttp = await first.WaitUntilListeningAsync(StartTimeout);
        using var tavilyHttp = await second.WaitUntilListeningAsync(StartTimeout);

        using var searxngVerified = await new WeChatClient(searxngHttp, "processtoken").VerifyAsync("searxng");
        using var tavilyVerified = await new WeChatClient(tavilyHttp, "processtoken").VerifyAsync("tavily");
        Assert.Equal(HttpStatusCode.OK, searxngVerified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tavilyVerified.StatusCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
