using WeChatFunctions.Mcp;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>A call of an MCP tool: the server's text as the result, its errors and its absence as failures in Chinese.</summary>
public sealed class McpCallTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task ACallGivesTheServersTextAndTheServerIsAskedOnce()
    {
        await using var server = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders={server.Endpoint}"));
        var lookup = await ListedTools.NamedAsync(application, "orders_lookup_order");

        var result = await lookup.RunAsync(OrderMcpServer.Asking(Follower, "123"), CancellationToken.None);

        Assert.Equal(new ToolResult(OrderTools.Status("123")), result);
        Assert.Equal(["123"], server.Lookups.OrderIds);
    }

    [Fact]
    public async Task AnErrorResultFailsTheCallWithTheServersReason()
    {
        await using var server = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders={server.Endpoint}"));
        var cancel = await ListedTools.NamedAsync(application, "orders_cancel_order");

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => cancel.RunAsync(OrderMcpServer.Asking(Follower, "123"), CancellationToken.None));

        Assert.Equal(McpTexts.ReportedError("orders", "订单 123 已经发货，不能取消。"), failure.Message);
    }

    [Fact]
    public async Task ACallToAServerThatWentAwayFailsInChineseAndItsToolsAreWithdrawnAtOnce()
    {
        var server = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders={server.Endpoint}"));
        var lookup = await ListedTools.NamedAsync(application, "orders_lookup_order");
        await server.DisposeAsync();

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => lookup.RunAsync(OrderMcpServer.Asking(Follower, "123"), CancellationToken.None));

        Assert.Equal(McpTexts.Unreachable("orders"), failure.Message);
        // The schedule lists again in ten minutes; only the failed call can have asked for it sooner.
        await ListedTools.WhenAsync(application, tools => tools.All(tool => !tool.Declaration.Name.StartsWith("orders_", StringComparison.Ordinal)));
    }
}
