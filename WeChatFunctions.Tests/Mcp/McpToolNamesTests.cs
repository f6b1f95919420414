using System.Text.RegularExpressions;
using WeChatFunctions.Mcp;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>The names the model calls MCP tools by: unique, and within OpenAI's rule for function names.</summary>
public sealed partial class McpToolNamesTests
{
    [Fact]
    public void AToolIsNamedAfterItsServerSoThatTwoServersToolsOfOneNameStayApart()
    {
        var taken = new HashSet<string>();

        var names = new[] { McpToolNames.Assign("shop", "lookup_order", taken), McpToolNames.Assign("warehouse", "lookup_order", taken) };

        Assert.Equal(["shop_lookup_order", "warehouse_lookup_order"], names);
    }

    [Fact]
    public void NamesThatMeetAfterThePrefixAreNumbered()
    {
        var taken = new HashSet<string>();

        var names = new[] { McpToolNames.Assign("a", "b_c", taken), McpToolNames.Assign("a_b", "c", taken), McpToolNames.Assign("a", "b.c", taken) };

        Assert.Equal(["a_b_c", "a_b_c_2", "a_b_c_3"], names);
    }

    [Theory]
    [InlineData("orders", "查询订单", "orders_____")]
    [InlineData("orders", "get order/status v2", "orders_get_order_status_v2")]
    [InlineData("orders", "a-b_C9", "orders_a-b_C9")]
    public void CharactersOpenAIRefusesBecomeUnderscores(string server, string tool, string expected) =>
        Assert.Equal(expected, McpToolNames.Assign(server, tool, new HashSet<string>()));

    [Fact]
    public void ALongNameIsCutTo64CharactersAndStillNumberedApart()
    {
        var taken = new HashSet<string>();
        var tool = new string('x', 100);

        var first = McpToolNames.Assign("orders", tool, taken);
        var second = McpToolNames.Assign("orders", tool + "y", taken);

        Assert.Equal(64, first.Length);
        Assert.Equal(64, second.Length);
        Assert.EndsWith("x_2", second, StringComparison.Ordinal);
        Assert.All([first, second], name => Assert.Matches(OpenAIFunctionName(), name));
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex OpenAIFunctionName();
}
