using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Mcp;

namespace WeChatFunctions.Tests.Tools;

/// <summary>
/// Two app processes and a real MCP server: the instance that ran a tool is killed before its answer, and the other
/// finishes the answer from the recorded result, so the operator's system sees the call once.
/// </summary>
public sealed class ToolCrashTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private const string Lookup = "orders_lookup_order";

    private readonly string _follower = WeChatClient.NewFollowerId();

    [Fact]
    public async Task AnOwnerKilledAfterItsToolReturnedIsTakenOverAndTheToolRanOnce()
    {
        await using var orders = OrderMcpServer.Start();
        void WithOrders(Dictionary<string, string?> settings) => settings["mcp_servers"] = $"orders={orders.Endpoint}";
        var (victim, heir) = (await fixture.StartInstanceAsync(WithOrders), await fixture.StartInstanceAsync(WithOrders));
        var victimKilled = false;
        fixture.Model.Reset(new FakeModelBehavior
        {
            ToolCalls = request => request.Tools.Contains(Lookup) && request.ToolResults.Count == 0 ? [new FakeToolCall(Lookup, """{"orderId":"123"}""")] : [],
            // The victim's call with the result never answers: it dies first. The heir's call answers at once.
            FirstTokenDelayOf = request => request.ToolResults.Count > 0 && !Volatile.Read(ref victimKilled) ? TimeSpan.FromMinutes(1) : TimeSpan.Zero,
            Answer = request => $"回答：{request.ToolResults[^1].Content}",
        });
        var platform = new WeChatPlatform(victim.WeChat, heir.WeChat, heir.WeChat);

        var delivering = platform.DeliverAsync(SignedPush.Text("我的订单 123 到哪了").From(_follower));
        await UntilAsync(() => fixture.Model.RequestsAbout("我的订单 123").Any(request => request.ToolResults.Count > 0));
        await victim.KillAsync();
        Volatile.Write(ref victimKilled, true);
        var answer = await ReadAnswerAsync(await delivering, heir.WeChat);

        Assert.Contains(OrderTools.Status("123"), answer, StringComparison.Ordinal);
        Assert.Equal(["123"], orders.Lookups.OrderIds);
        var requests = fixture.Model.RequestsAbout("我的订单 123");
        Assert.Single(requests, request => request.ToolResults.Count == 0);
        Assert.Equal(2, requests.Count(request => request.ToolResults.Count == 1));
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(fixture.Storage, _follower));
    }

    /// <summary>The answer as the follower reads it: from the retry that took it over, or on 「继续」 if it came later.</summary>
    private async Task<string> ReadAnswerAsync(Infrastructure.Delivery delivery, WeChatClient instance)
    {
        var pages = new List<string> { delivery.Content };
        while (!pages[^1].Contains("回答：", StringComparison.Ordinal) && pages.Count < 10)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            pages.Add((await new WeChatPlatform(instance).DeliverAsync(SignedPush.Text("继续").From(_follower))).Content);
        }

        return string.Concat(pages);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var poll = 0; poll < 300 && !condition(); poll++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(condition(), "the victim never got its tool's result to the model");
    }
}
