using System.Text.Json;
using Microsoft.Extensions.AI;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Dialog;

/// <summary>How tool calls and their results appear in the prompt: the model's requests, and the results fenced as quoted material.</summary>
internal static class ToolPrompt
{
    /// <summary>For the instructions of a prompt that offers tools: their results are quoted material.</summary>
    public const string Instruction = "需要查资料、读网页或做事时，可以调用提供的工具；工具的结果会作为引用资料返回。" + QuotedMaterial.Instruction;

    /// <summary>The rounds of calls recorded before a takeover, as the model saw them: its requests, then their results.</summary>
    public static IEnumerable<ChatMessage> Replay(IReadOnlyList<RecordedToolCall> calls) =>
        calls.GroupBy(call => call.Round).OrderBy(round => round.Key).SelectMany(round => Round([.. round]));

    /// <summary>One round: the assistant's requests and a tool message with each result.</summary>
    public static IEnumerable<ChatMessage> Round(IReadOnlyList<RecordedToolCall> calls)
    {
        yield return new ChatMessage(ChatRole.Assistant, [.. calls.Select(call => (AIContent)new FunctionCallContent(call.CallId, call.Name, ArgumentsOf(call.Arguments)))]);
        yield return new ChatMessage(ChatRole.Tool, [.. calls.Select(call => (AIContent)new FunctionResultContent(call.CallId, Fenced(call)))]);
    }

    /// <summary>The model's arguments as stored: the JSON object it sent.</summary>
    public static string ArgumentsJson(FunctionCallContent call) =>
        JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);

    private static string Fenced(RecordedToolCall call) =>
        QuotedMaterial.Fence(call.Name, $"工具 {call.Name} 的结果：", call.Result ?? ToolCallLedger.UnknownOutcome);

    private static Dictionary<string, object?> ArgumentsOf(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
