using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Tools;

/// <summary>One tool run: bounded in time and size, and every way it can go wrong told to the model and counted as a failure.</summary>
public sealed class ToolRunnerTests
{
    private readonly List<(string Tool, bool Failed)> _counted = [];

    [Fact]
    public async Task AResultLongerThanTheLimitIsCutAndSaysSo()
    {
        var run = await Runner(new ToolOptions { MaxResultCharacters = 300 }).RunAsync(new Tool(_ => Task.FromResult(new ToolResult(new string('长', 1000)))), Invocation(), CancellationToken.None);

        Assert.Equal(300, run.Text.Length);
        Assert.EndsWith(ToolRunner.Truncated, run.Text, StringComparison.Ordinal);
        Assert.Equal([("probe", false)], _counted);
    }

    [Fact]
    public async Task AToolPastItsTimeoutIsGivenUpAndTheModelToldSo()
    {
        var run = await Runner(new ToolOptions { TimeoutSeconds = 1 }).RunAsync(new Tool(async token =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), token);
            return new ToolResult("太晚了");
        }), Invocation(), CancellationToken.None);

        Assert.True(run.Failed);
        Assert.Equal("工具调用超时（超过 1 秒），没有结果。", run.Text);
        Assert.Equal([("probe", true)], _counted);
    }

    [Fact]
    public async Task AToolThatNeedsLongerIsBoundByItsOwnTimeoutInstead()
    {
        var run = await Runner(new ToolOptions { TimeoutSeconds = 1 }).RunAsync(new Tool(async token =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), token);
            return new ToolResult("太晚了");
        }, TimeSpan.FromSeconds(2)), Invocation(), CancellationToken.None);

        Assert.Equal("工具调用超时（超过 2 秒），没有结果。", run.Text);
    }

    [Fact]
    public async Task AFailureWithAReasonPassesTheReasonAndAnyOtherExceptionPassesNothing()
    {
        var explained = await Runner().RunAsync(new Tool(_ => throw new ToolFailedException("订单号不存在")), Invocation(), CancellationToken.None);
        var crashed = await Runner().RunAsync(new Tool(_ => throw new InvalidOperationException("connection string=secret")), Invocation(), CancellationToken.None);

        Assert.Equal("工具调用失败：订单号不存在", explained.Text);
        Assert.Equal("工具调用失败，没有结果。", crashed.Text);
        Assert.DoesNotContain("secret", crashed.Text, StringComparison.Ordinal);
        Assert.Equal([("probe", true), ("probe", true)], _counted);
    }

    private ToolRunner Runner(ToolOptions? options = null) => new(Options.Create(options ?? new ToolOptions()), new Counter(_counted), NullLogger<ToolRunner>.Instance);

    private static ToolInvocation Invocation() => new("follower", JsonElement.Parse("{}"));

    private sealed class Tool(Func<CancellationToken, Task<ToolResult>> run, TimeSpan? timeout = null) : IAssistantTool
    {
        public TimeSpan? Timeout => timeout;

        public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration("probe", "A tool under test.", JsonElement.Parse("""{"type":"object"}"""));

        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken) => run(cancellationToken);
    }

    private sealed class Counter(List<(string, bool)> counted) : IToolCallCounter
    {
        public void ToolRan(string tool, bool failed) => counted.Add((tool, failed));
    }
}
