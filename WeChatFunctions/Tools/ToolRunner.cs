using Microsoft.Extensions.Options;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

/// <summary>Runs one tool call within <c>tool_timeout_seconds</c>, and turns whatever it did into text the model can use.</summary>
internal sealed class ToolRunner(IOptions<ToolOptions> options, IToolCallCounter counter, ILogger<ToolRunner> logger)
{
    /// <summary>Ends a result cut to <c>max_tool_result_chars</c>.</summary>
    public const string Truncated = "…（结果过长，已截断）";

    /// <returns>The result for the model and the footnote for the follower; a failure is a result too, which says what went wrong.</returns>
    public async Task<ToolRun> RunAsync(IAssistantTool tool, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var run = await RunBoundedAsync(tool, invocation, cancellationToken);
        counter.ToolRan(tool.Declaration.Name, run.Failed);
        return run;
    }

    private async Task<ToolRun> RunBoundedAsync(IAssistantTool tool, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var name = tool.Declaration.Name;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var allowed = tool.Timeout ?? options.Value.Timeout;
        timeout.CancelAfter(allowed);
        try
        {
            var result = await tool.RunAsync(invocation, timeout.Token);
            return new ToolRun(Bounded(result.Text), result.Footnote, Failed: false) { Media = result.Media };
        }
        catch (ToolFailedException failure)
        {
            ToolsLog.ToolFailed(logger, name);
            ToolsLog.ToolFailedBecause(logger, name, failure.Message);
            return ToolRun.Failure($"工具调用失败：{failure.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = (int)allowed.TotalSeconds;
            ToolsLog.ToolTimedOut(logger, name, seconds);
            return ToolRun.Failure($"工具调用超时（超过 {seconds} 秒），没有结果。");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ToolsLog.ToolCrashed(logger, name, exception);
            return ToolRun.Failure("工具调用失败，没有结果。");
        }
    }

    private string Bounded(string text) =>
        text.Length <= options.Value.MaxResultCharacters ? text : text[..Math.Max(0, options.Value.MaxResultCharacters - Truncated.Length)] + Truncated;
}

/// <summary>What one run of a tool gave: the text for the model, and a line for the follower.</summary>
internal sealed record ToolRun(string Text, string? Footnote, bool Failed)
{
    /// <summary>A picture for the follower, from <see cref="ToolResult.Media"/>.</summary>
    public AnswerMedia? Media { get; init; }

    public static ToolRun Failure(string text) => new(text, Footnote: null, Failed: true);
}
