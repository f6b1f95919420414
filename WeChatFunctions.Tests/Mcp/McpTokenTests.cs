using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Mcp;

/// <summary><c>mcp_{name}_token</c>: sent as a bearer token to its own server only, and never written to the log.</summary>
public sealed class McpTokenTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Token = "mcp-orders-token-never-logged-0123";

    [Fact]
    public async Task TheTokenReachesItsServerOnlyAndNeverTheLogEvenAtTraceLevel()
    {
        await using var orders = OrderMcpServer.Start(requiredToken: Token);
        await using var open = OrderMcpServer.Start();
        var application = Fixture.StartApplication(
            settings =>
            {
                settings["tools"] = "current_time";
                settings["mcp_servers"] = $"orders={orders.Endpoint},open={open.Endpoint}";
                settings["mcp_orders_token"] = Token;
                settings["Logging:LogLevel:Default"] = "Trace";
            },
            services => services.AddFakeLogging());

        var tools = await ListedTools.WhenAsync(application, tools => tools.Count == 5);
        var result = await tools.Single(tool => tool.Declaration.Name == "orders_lookup_order").RunAsync(OrderMcpServer.Asking(Follower, "123"), CancellationToken.None);

        Assert.Equal(OrderTools.Status("123"), result.Text);
        Assert.Equal(0, orders.Rejections);
        Assert.All(orders.Authorizations, header => Assert.Equal($"Bearer {Token}", header));
        Assert.All(open.Authorizations, header => Assert.Equal("", header));
        var logs = application.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, record => record.Message.Contains("MCP server orders offers 2 tools", StringComparison.Ordinal));
        Assert.Contains(logs, record => record.Level == LogLevel.Trace);
        Assert.DoesNotContain(logs, record => Written(record).Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerThatWantsATokenRefusesTheAppWithoutOneAndOffersNoTools()
    {
        await using var orders = OrderMcpServer.Start(requiredToken: Token);
        var application = Fixture.StartApplication(settings => (settings["tools"], settings["mcp_servers"]) = ("current_time", $"orders={orders.Endpoint}"));

        // A second refusal means the first was handled, and the listing tried again.
        await ListedTools.WhileAsync(() => orders.Rejections < 2);

        Assert.Equal(["current_time"], ListedTools.NamesNow(application));
        Assert.Equal("回答：没有订单工具也能回答", await WeChatDelivery.AskAsync(application, Follower, "没有订单工具也能回答"));
    }

    private static string Written(FakeLogRecord record) =>
        $"{record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? [])}";
}
