using System.Collections.Concurrent;
using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>The tools of the README's order-lookup server, written with the official SDK as an operator would.</summary>
[McpServerToolType]
public sealed class OrderTools(OrderLookups lookups)
{
    public const string LookupDescription = "按订单号查询订单的物流状态。";

    public static string Status(string orderId) => $"订单 {orderId}：已于昨天发货，顺丰快递，预计明天送达。";

    [McpServerTool(Name = "lookup_order"), Description(LookupDescription)]
    public string LookupOrder([Description("订单号，例如 123")] string orderId)
    {
        lookups.Add(orderId);
        return Status(orderId);
    }

    [McpServerTool(Name = "cancel_order"), Description("取消一个还没有发货的订单。")]
    public static CallToolResult CancelOrder([Description("订单号")] string orderId) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = $"订单 {orderId} 已经发货，不能取消。" }] };
}

/// <summary>The order numbers one server was asked about, in order.</summary>
public sealed class OrderLookups
{
    private readonly ConcurrentQueue<string> _orderIds = new();

    public IReadOnlyList<string> OrderIds => [.. _orderIds];

    public void Add(string orderId) => _orderIds.Enqueue(orderId);
}
