using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>Servers that are down, or not there at all, hold up neither the start nor an answer.</summary>
public sealed class McpStartupTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AServerDownAtStartUpHoldsUpNothingAndItsToolsAppearOnceItIsUp()
    {
        var port = FreePort.Next();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders=http://127.0.0.1:{port}/mcp"));

        var answer = await WeChatDelivery.AskAsync(application, Follower, "订单服务还没启动");
        var before = ListedTools.NamesNow(application);
        await using var server = OrderMcpServer.Start(port: port);
        await ListedTools.NamedAsync(application, "orders_lookup_order");

        Assert.Equal("回答：订单服务还没启动", answer);
        Assert.Equal(["current_time"], before);
        Assert.Equal(["current_time", "orders_cancel_order", "orders_lookup_order"], ListedTools.NamesNow(application));
    }

    [Fact]
    public async Task AServerWithoutATokenMayBePlainHttpOnAPrivateNetwork()
    {
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", "orders=http://orders.internal:8080/mcp"));

        var answer = await WeChatDelivery.AskAsync(application, Follower, "内网的订单服务");

        Assert.Equal("回答：内网的订单服务", answer);
    }
}
