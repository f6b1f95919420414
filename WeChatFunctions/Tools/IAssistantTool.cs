using Microsoft.Extensions.AI;

namespace WeChatFunctions.Tools;

/// <summary>
/// A tool the model may call while it answers a follower. The tool loop records each call
/// before it runs and its result after, so that no call runs twice for one question; a tool only does its work.
/// </summary>
internal interface IAssistantTool
{
    /// <summary>The name, description and JSON schema of the arguments the model sees.</summary>
    AIFunctionDeclaration Declaration { get; }

    /// <summary>How long one call may take, when it needs longer than <c>tool_timeout_seconds</c>, as drawing a picture does.</summary>
    TimeSpan? Timeout => null;

    /// <summary>Runs one call. Throw <see cref="ToolFailedException"/> with a reason the model may read; any other exception is reported to it as a failure without details.</summary>
    /// <returns>The result; its text is untrusted and reaches the model fenced and truncated by the loop.</returns>
    Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}
