using WeChatFunctions.Paging;

namespace WeChatFunctions.Tools;

/// <summary>
/// One tool call of one question, as stored beside its reply claim: written before the tool runs, and again with the
/// result. An instance that takes the question over replays these instead of asking the model and running tools again.
/// </summary>
/// <param name="Round">Which model call asked for it, from 0.</param>
/// <param name="Index">Its place among that model call's requests.</param>
/// <param name="CallId">The model's id for the call, which the result must carry back.</param>
/// <param name="Arguments">The arguments as the model gave them, a JSON object.</param>
/// <param name="Result">For a finished call, what the model gets; <see langword="null"/> while it runs, or when its instance died meanwhile.</param>
/// <param name="Footnote">A line for the follower after the answer, from <see cref="ToolResult.Footnote"/>.</param>
/// <param name="Generation">The reply claim's generation that ran it.</param>
/// <param name="Version">The storage version (ETag) this copy was read or written at.</param>
internal sealed record RecordedToolCall(
    int Round, int Index, string CallId, string Name, string Arguments, string? Result = null, string? Footnote = null, bool Failed = false, int Generation = 0, string Version = "")
{
    /// <summary>A picture for the follower from <see cref="ToolResult.Media"/>.</summary>
    public AnswerMedia? Media { get; init; }

    /// <summary>The same tool with the same arguments: running it again would repeat whatever it did.</summary>
    public bool Repeats(string name, string arguments) => Name == name && Arguments == arguments;
}
