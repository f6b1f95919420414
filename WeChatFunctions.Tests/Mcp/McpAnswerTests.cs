using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>The README's example end to end: a follower's question, the model calling the order server, the answer from its result.</summary>
public sealed class McpAnswerTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AFollowerAsksWhereTheirOrderIsAndTheAnswerCarriesTheOrderServersResult()
    {
        await using var server = OrderMcpServer.Start(requiredToken: "mcp-orders-token-0123456789");
        var application = Fixture.StartApplication(settings =>
        {
            settings["tools"] = "current_time";
            settings["mcp_servers"] = $"orders={server.Endpoint}";
            settings["mcp_orders_token"] = "mcp-orders-token-0123456789";
        });
        await ListedTools.NamedAsync(application, "orders_lookup_order");
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("orders_lookup_order", """{"orderId":"123"}"""));

        var answer = await WeChatDelivery.AskAsync(application, Follower, "我的订单 123 到哪了");

        Assert.Contains(OrderTools.Status("123"), answer, StringComparison.Ordinal);
        Assert.Equal(["123"], server.Lookups.OrderIds);
        Assert.Contains("orders_lookup_order", Fixture.Model.Requests[0].Tools);
        Assert.Contains(OrderTools.Status("123"), Assert.Single(Fixture.Model.Requests[^1].ToolResults).Content, StringComparison.Ordinal);
    }
}
