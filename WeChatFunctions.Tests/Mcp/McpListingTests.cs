using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>The tools of the operator's MCP servers reach the tool catalog, named apart, described by their servers.</summary>
public sealed class McpListingTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task EveryToolOfAServerIsOfferedUnderTheServersNameWithItsDescriptionAndSchema()
    {
        await using var server = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders={server.Endpoint}"));

        var lookup = await ListedTools.NamedAsync(application, "orders_lookup_order");

        Assert.Equal(["current_time", "orders_cancel_order", "orders_lookup_order"], ListedTools.NamesNow(application));
        Assert.Equal(OrderTools.LookupDescription, lookup.Declaration.Description);
        var schema = lookup.Declaration.JsonSchema;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal("订单号，例如 123", schema.GetProperty("properties").GetProperty("orderId").GetProperty("description").GetString());
        Assert.Equal(["orderId"], schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public async Task TheServersToolsSettingOffersOnlyTheToolsItNames()
    {
        await using var server = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings =>
        {
            settings["tools"] = "current_time";
            settings["mcp_servers"] = $"orders={server.Endpoint}";
            settings["mcp_orders_tools"] = "lookup_order, no_such_tool";
        });

        await ListedTools.NamedAsync(application, "orders_lookup_order");

        Assert.Equal(["current_time", "orders_lookup_order"], ListedTools.NamesNow(application));
    }

    [Fact]
    public async Task TwoServersOfferingTheSameToolGiveItTwoNamesEachCallingItsOwnServer()
    {
        await using var shop = OrderMcpServer.Start();
        await using var warehouse = OrderMcpServer.Start();
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"shop={shop.Endpoint}, warehouse={warehouse.Endpoint}"));

        var tools = await ListedTools.WhenAsync(application, tools => tools.Count == 5);
        var result = await tools.Single(tool => tool.Declaration.Name == "warehouse_lookup_order").RunAsync(OrderMcpServer.Asking(Follower, "77"), CancellationToken.None);

        Assert.Equal(
            ["current_time", "shop_cancel_order", "shop_lookup_order", "warehouse_cancel_order", "warehouse_lookup_order"],
            ListedTools.NamesNow(application));
        Assert.Equal(OrderTools.Status("77"), result.Text);
        Assert.Equal(["77"], warehouse.Lookups.OrderIds);
        Assert.Empty(shop.Lookups.OrderIds);
    }
}
