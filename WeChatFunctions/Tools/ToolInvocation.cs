using System.Text.Json;

namespace WeChatFunctions.Tools;

/// <summary>One call of a tool, for one follower's question.</summary>
/// <param name="FollowerId">The OpenID of the follower whose question the model answers.</param>
/// <param name="Arguments">The arguments the model gave, a JSON object (an empty one when it gave none).</param>
/// <param name="Question">The question the call is for, when the tool loop runs it; a tool that charges per question keys the charge by it.</param>
internal sealed record ToolInvocation(string FollowerId, JsonElement Arguments, ToolQuestion? Question = null)
{
    /// <summary>A string argument, trimmed, or <see langword="null"/> when it is missing, empty or not a string.</summary>
    public string? Text(string name) =>
        Arguments.ValueKind == JsonValueKind.Object && Arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A string argument the tool cannot do without.</summary>
    /// <exception cref="ToolFailedException">It is missing or empty.</exception>
    public string RequiredText(string name) => Text(name) ?? throw new ToolFailedException($"缺少参数 {name}。");
}
