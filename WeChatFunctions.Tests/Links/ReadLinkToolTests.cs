using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Links;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Knowledge;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Links;

/// <summary><c>read_link</c>: on by default, reading pages through the guarded fetch client, run directly and by the model through WeChat.</summary>
public sealed class ReadLinkToolTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private PageServer _pages = null!;

    [Fact]
    public async Task ItReturnsThePagesTitleAndMainTextWithoutItsNavigation()
    {
        var url = _pages.Serve("/blog/beans", KnowledgePages.SitePage("咖啡豆烘焙说明", "我们的咖啡豆每周一在上海烘焙，烘焙后七天内发货，保证新鲜。这样做是为了让每一位顾客都能喝到风味最好的咖啡。"));

        var result = await RunAsync(Fixture.StartApplication(), $$"""{"url":"{{url}}"}""");

        Assert.StartsWith("标题：咖啡豆烘焙说明", result.Text, StringComparison.Ordinal);
        Assert.Contains("我们的咖啡豆每周一在上海烘焙", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, result.Text, StringComparison.Ordinal);
        Assert.Null(result.Footnote);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/a"}""", "只能读取 http 或 https 链接。")]
    [InlineData("""{"url":"不是链接"}""", "只能读取 http 或 https 链接。")]
    [InlineData("""{}""", "缺少参数 url。")]
    public async Task AnArgumentThatIsNotAnHttpUrlFailsWithAReason(string arguments, string reason)
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(Fixture.StartApplication(), arguments));

        Assert.Equal(reason, failure.Message);
    }

    [Fact]
    public async Task APageOnAPrivateAddressIsRefusedUnlessTheOperatorAllowsIt()
    {
        var url = _pages.Serve("/inside", KnowledgePages.SitePage("内网", "内网的内容，不应被读取。"));
        var guarded = Fixture.StartApplication(settings => settings["allow_private_network_fetch"] = "false");

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(guarded, $$"""{"url":"{{url}}"}"""));

        Assert.Equal("不能读取内网或本机地址。", failure.Message);
    }

    [Fact]
    public async Task AMissingPageFailsWithItsStatus()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => RunAsync(Fixture.StartApplication(), $$"""{"url":"{{new Uri(_pages.BaseAddress, "/gone")}}"}"""));

        Assert.Equal("网页返回 HTTP 404。", failure.Message);
    }

    [Fact]
    public void ItIsOfferedByDefault()
    {
        var catalog = Fixture.StartApplication().Services.GetRequiredService<ToolCatalog>();

        Assert.Contains(catalog.Tools, tool => tool.Declaration.Name == ReadLinkTool.Name);
    }

    [Fact]
    public async Task TheModelReadsALinkInAQuestionAndAnswersFromThePageFenced()
    {
        var url = _pages.Serve("/blog/hours", KnowledgePages.SitePage("营业时间调整", "从下个月起，门店每天早上七点开门，晚上十一点关门，周末照常营业。"));
        Fixture.Model.Reset(FakeModelBehavior.CallingTool(ReadLinkTool.Name, $$"""{"url":"{{url}}"}"""));

        var answer = (await new WeChatPlatform(Fixture.WeChat).DeliverAsync(SignedPush.Text($"这个网页说了什么？{url}").From(Follower))).Content;

        var told = Assert.Single(Fixture.Model.Requests, request => request.ToolResults.Count > 0);
        var result = Assert.Single(told.ToolResults).Content;
        Assert.StartsWith($"<quoted-material source=\"{ReadLinkTool.Name}\">", result, StringComparison.Ordinal);
        Assert.Contains("标题：营业时间调整", result, StringComparison.Ordinal);
        Assert.Contains("从下个月起，门店每天早上七点开门", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModelIsToldWhyAPrivateAddressWasNotRead()
    {
        var url = _pages.Serve("/inside/hours", KnowledgePages.SitePage("内网", "内网的内容，不应被读取。"));
        var guarded = Fixture.StartApplication(settings => settings["allow_private_network_fetch"] = "false").CreateWeChatClient();
        Fixture.Model.Reset(FakeModelBehavior.CallingTool(ReadLinkTool.Name, $$"""{"url":"{{url}}"}"""));

        await new WeChatPlatform(guarded).DeliverAsync(SignedPush.Text($"看看这个 {url}").From(Follower));

        var result = Assert.Single(Assert.Single(Fixture.Model.Requests, request => request.ToolResults.Count > 0).ToolResults).Content;
        Assert.Contains("工具调用失败：不能读取内网或本机地址。", result, StringComparison.Ordinal);
        Assert.DoesNotContain("内网的内容", result, StringComparison.Ordinal);
    }

    public async Task InitializeAsync() => _pages = await PageServer.StartAsync();

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    private Task<ToolResult> RunAsync(WeChatApplication application, string arguments)
    {
        var tool = application.Services.GetServices<IAssistantTool>().Single(tool => tool.Declaration.Name == ReadLinkTool.Name);
        return tool.RunAsync(new ToolInvocation(Follower, JsonElement.Parse(arguments)), CancellationToken.None);
    }
}
