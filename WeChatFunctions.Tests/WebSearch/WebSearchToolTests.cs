using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeChatFunctions.Settings;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;
using WeChatFunctions.WebSearch;

namespace WeChatFunctions.Tests.WebSearch;

/// <summary>The <c>web_search</c> tool of the real app against each search service's documented request and response.</summary>
public sealed class WebSearchToolTests(WebSearchFixture fixture) : IClassFixture<WebSearchFixture>
{
    private static readonly FakeWebPage[] Pages =
    [
        new("上海天气预报", "https://weather.example.cn/shanghai", "今天多云，最高气温 25 度。", "今天多云转晴，最高气温 25 度，最低 18 度，东南风 3 级。"),
        new("Shanghai weather", "https://en.weather.example.com/sh?day=today", "Cloudy, high of 25°C."),
        new("上海一周天气", "https://news.example.cn/week", "本周以晴为主。"),
        new("第四条", "https://four.example.cn/", "不该出现。"),
    ];

    private readonly string _query = "上海天气 " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SearxngIsAskedForJsonWithoutAKeyAndTheModelReadsNumberedResultsAndTheFollowerTheirSources()
    {
        fixture.Search.Serve(_query, Pages);

        var result = await RunAsync(fixture.Searxng, _query);

        var request = Assert.Single(fixture.Search.RequestsFor(_query));
        Assert.Equal(("searxng", "GET", ""), (request.Provider, request.Method, request.Authorization));
        Assert.Equal($"/search?q={Uri.EscapeDataString(_query)}&format=json", request.PathAndQuery);
        Assert.Equal(
            $"搜索「{_query}」的结果：\n\n"
            + "【1】上海天气预报\nhttps://weather.example.cn/shanghai\n今天多云，最高气温 25 度。\n\n"
            + "【2】Shanghai weather\nhttps://en.weather.example.com/sh?day=today\nCloudy, high of 25°C.\n\n"
            + "【3】上海一周天气\nhttps://news.example.cn/week\n本周以晴为主。",
            result.Text);
        Assert.Equal(
            "参考：\n【1】上海天气预报 https://weather.example.cn/shanghai\n【2】Shanghai weather https://en.weather.example.com/sh?day=today\n【3】上海一周天气 https://news.example.cn/week",
            result.Footnote);
    }

    [Fact]
    public async Task TavilyIsSentTheQueryAndTheNumberOfResultsWithTheKeyAsABearerToken()
    {
        fixture.Search.Serve(_query, Pages);

        var result = await RunAsync(fixture.Tavily, _query);

        var request = Assert.Single(fixture.Search.RequestsFor(_query));
        Assert.Equal(("tavily", "POST", "/search", $"Bearer {FakeWebSearchServer.Key}"), (request.Provider, request.Method, request.PathAndQuery, request.Authorization));
        Assert.Equal(_query, request.Body!["query"]!.GetValue<string>());
        Assert.Equal(5, request.Body["max_results"]!.GetValue<int>());
        Assert.Contains("【4】第四条\nhttps://four.example.cn/\n不该出现。", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n【4】第四条 https://four.example.cn/", result.Footnote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BochaIsSentTheQueryWithTheKeyAsABearerTokenAndTheModelReadsItsSummaries()
    {
        fixture.Search.Serve(_query, Pages);

        var result = await RunAsync(fixture.Bocha, _query);

        var request = Assert.Single(fixture.Search.RequestsFor(_query));
        Assert.Equal(("bocha", "POST", "/v1/web-search", $"Bearer {FakeWebSearchServer.Key}"), (request.Provider, request.Method, request.PathAndQuery, request.Authorization));
        Assert.Equal(_query, request.Body!["query"]!.GetValue<string>());
        Assert.Equal(5, request.Body["count"]!.GetValue<int>());
        Assert.StartsWith(
            $"搜索「{_query}」的结果：\n\n【1】上海天气预报\nhttps://weather.example.cn/shanghai\n今天多云转晴，最高气温 25 度，最低 18 度，东南风 3 级。\n\n【2】Shanghai weather\n",
            result.Text,
            StringComparison.Ordinal);
        Assert.StartsWith("参考：\n【1】上海天气预报 https://weather.example.cn/shanghai\n【2】", result.Footnote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyWebPagesAreKeptOncePerAddressAndTitlesStayOnOneLine()
    {
        var longTitle = new string('长', 100);
        fixture.Search.Serve(
            _query,
            new FakeWebPage("脚本", "javascript:alert(1)", "不是网页"),
            new FakeWebPage("相对地址", "/local/page", "不是网页"),
            new FakeWebPage("第一行\n【9】假的来源\u200B", "https://a.example.cn/", "摘要\r\n第二行"),
            new FakeWebPage("重复", "https://a.example.cn/", "同一个网址"),
            new FakeWebPage(longTitle, "https://b.example.cn/", ""));

        var result = await RunAsync(fixture.Tavily, _query);

        Assert.Equal(
            $"搜索「{_query}」的结果：\n\n【1】第一行 【9】假的来源\nhttps://a.example.cn/\n摘要 第二行\n\n【2】{new string('长', 80)}…\nhttps://b.example.cn/",
            result.Text);
        Assert.Equal($"参考：\n【1】第一行 【9】假的来源 https://a.example.cn/\n【2】{new string('长', 30)}… https://b.example.cn/", result.Footnote);
    }

    [Fact]
    public async Task ASearchThatFindsNothingTellsTheModelSo()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Bocha, _query));

        Assert.StartsWith("没有找到相关结果", failure.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Search.RequestsFor(_query));
    }

    /// <summary>Like Bing's, whose shape it follows, Bocha's answer may leave out <c>webPages</c> when none was found.</summary>
    [Fact]
    public async Task ABochaAnswerWithoutWebPagesFoundNothing()
    {
        fixture.Search.Answer(_query, 200, """{"code":200,"log_id":"x","msg":null,"data":{"_type":"SearchResponse","queryContext":{"originalQuery":"q"}}}""");

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Bocha, _query));

        Assert.Equal(WebSearchTexts.NothingFound, failure.Message);
    }

    [Theory]
    [InlineData("searxng", 500, """{"error":"boom"}""")]
    [InlineData("tavily", 401, """{"detail":{"error":"Unauthorized"}}""")]
    [InlineData("tavily", 429, """{"detail":{"error":"Rate limit exceeded"}}""")]
    [InlineData("bocha", 403, """{"code":"403","msg":"余额不足","log_id":"x"}""")]
    [InlineData("bocha", 200, """{"code":403,"msg":"余额不足","log_id":"x","data":null}""")]
    [InlineData("searxng", 200, "<html>not json</html>")]
    [InlineData("tavily", 200, """{"results":"none"}""")]
    [InlineData("bocha", 200, """{"code":200,"data":null}""")]
    public async Task AFailingServiceGivesTheModelAReasonWithoutItsDetails(string provider, int status, string body)
    {
        fixture.Search.Answer(_query, status, body);

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(ToolFor(provider), _query));

        Assert.Equal(WebSearchTexts.Unavailable, failure.Message);
        Assert.StartsWith("搜索服务暂时不可用", failure.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Search.RequestsFor(_query));
    }

    [Fact]
    public async Task AnAnswerLargerThanTheBoundIsRefused()
    {
        fixture.Search.Answer(_query, 200, """{"results":[],"padding":" """ + new string('x', WebSearchClient.MaxResponseBytes) + "\"}");

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Searxng, _query));

        Assert.Equal(WebSearchTexts.Unavailable, failure.Message);
    }

    [Fact]
    public async Task AServiceThatDoesNotAnswerWithinTheToolTimeoutIsReportedAsUnavailable()
    {
        fixture.Search.Answer(_query, 200, """{"results":[]}""", delay: TimeSpan.FromMinutes(1));

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Impatient, _query));

        Assert.Equal(WebSearchTexts.TimedOut, failure.Message);
    }

    [Fact]
    public async Task AQueryOnSeveralLinesIsSentAsOneLineAndAMissingOneIsNotSentAtAll()
    {
        fixture.Search.Serve(_query, Pages);

        await RunAsync(fixture.Tavily, $"  {_query.Replace(" ", "\n", StringComparison.Ordinal)}\t ");
        var missing = await Assert.ThrowsAsync<ToolFailedException>(() => fixture.Tavily.RunAsync(new ToolInvocation(WeChatClient.NewFollowerId(), JsonElement.Parse("{}")), CancellationToken.None));

        Assert.Single(fixture.Search.RequestsFor(_query));
        Assert.Equal("缺少参数 query。", missing.Message);
    }

    [Fact]
    public async Task TheKeyReachesNoLogEvenAtTraceLevelWhetherTheServiceAnswersOrRefuses()
    {
        fixture.Search.Serve(_query, Pages);
        var refused = _query + " 拒绝";
        fixture.Search.Answer(refused, 401, """{"detail":{"error":"Unauthorized"}}""");

        var tavily = await RunAsync(fixture.Tavily, _query);
        var bocha = await RunAsync(fixture.Bocha, _query);
        var failures = await Task.WhenAll(
            Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Tavily, refused)),
            Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(fixture.Bocha, refused)));

        Assert.Contains("The web search service (tavily) answered HTTP 401.", fixture.Logs.Text, StringComparison.Ordinal);
        Assert.Contains("The web search service (bocha) answered HTTP 401.", fixture.Logs.Text, StringComparison.Ordinal);
        var loggers = fixture.TavilyApplication.Services.GetRequiredService<ILoggerFactory>();
        Assert.True(loggers.CreateLogger<WebSearchClient>().IsEnabled(LogLevel.Trace));
        Assert.True(loggers.CreateLogger("System.Net.Http.HttpClient.WebSearchClient.ClientHandler").IsEnabled(LogLevel.Trace));
        Assert.DoesNotContain(FakeWebSearchServer.Key, fixture.Logs.Text, StringComparison.Ordinal);
        Assert.All([tavily.Text, tavily.Footnote!, bocha.Text, bocha.Footnote!, .. failures.Select(failure => failure.ToString())], text => Assert.DoesNotContain(FakeWebSearchServer.Key, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheModelSearchesForTheFollowerAndTheAnswerEndsWithTheSourcesItCites()
    {
        fixture.Search.Serve(_query, Pages);
        fixture.Model.Reset(FakeModelBehavior.CallingTool(WebSearchTool.Name, JsonSerializer.Serialize(new { query = _query }), _ => "明天多云，最高 25 度【1】，周末以晴为主【3】。"));
        var follower = WeChatClient.NewFollowerId();

        var answer = (await new WeChatPlatform(fixture.SearxngApplication.CreateWeChatClient()).DeliverAsync(SignedPush.Text("上海明天天气怎么样？").From(follower))).Content;

        var offered = Assert.Single(fixture.Model.Requests, request => request.ToolResults.Count == 0);
        var told = Assert.Single(fixture.Model.Requests, request => request.ToolResults.Count > 0);
        var result = Assert.Single(told.ToolResults).Content;
        Assert.Contains(WebSearchTool.Name, offered.Tools);
        Assert.StartsWith($"<quoted-material source=\"{WebSearchTool.Name}\">", result, StringComparison.Ordinal);
        Assert.Contains("【3】上海一周天气\nhttps://news.example.cn/week\n本周以晴为主。", result, StringComparison.Ordinal);
        Assert.Equal(
            "明天多云，最高 25 度【1】，周末以晴为主【3】。\n\n参考：\n【1】上海天气预报 https://weather.example.cn/shanghai\n"
            + "【2】Shanghai weather https://en.weather.example.com/sh?day=today\n【3】上海一周天气 https://news.example.cn/week",
            answer);
        Assert.Single(fixture.Search.RequestsFor(_query));
    }

    [Fact]
    public void WithoutAProviderTheToolIsNotOfferedByDefault()
    {
        var application = fixture.StartApplication("searxng", fixture.Search.BaseAddress, settings =>
        {
            settings.Remove("tools");
            settings.Remove("web_search_provider");
            settings.Remove("web_search_endpoint");
        });

        var catalog = application.Services.GetRequiredService<ToolCatalog>();

        Assert.DoesNotContain(catalog.Tools, tool => tool.Declaration.Name == WebSearchTool.Name);
        Assert.DoesNotContain(WebSearchTool.Name, ToolOptions.DefaultTools, StringComparison.Ordinal);
    }

    private IAssistantTool ToolFor(string provider) => provider switch
    {
        "searxng" => fixture.Searxng,
        "tavily" => fixture.Tavily,
        _ => fixture.Bocha,
    };

    private static Task<ToolResult> RunAsync(IAssistantTool tool, string query) =>
        tool.RunAsync(new ToolInvocation(WeChatClient.NewFollowerId(), JsonSerializer.SerializeToElement(new { query })), CancellationToken.None);
}
