namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>How the fake model answers: what, how fast, and whether it fails or rejects long prompts.</summary>
public sealed class FakeModelBehavior
{
    public Func<FakeChatRequest, string> Answer { get; init; } = EchoAnswer;

    public TimeSpan FirstTokenDelay { get; init; }

    /// <summary>A delay per request, in place of <see cref="FirstTokenDelay"/>.</summary>
    public Func<FakeChatRequest, TimeSpan>? FirstTokenDelayOf { get; init; }

    /// <summary>
    /// Holds the first token until this completes, then waits the first-token delay: ties an answer to an event of
    /// the test, such as a retry's arrival, rather than to a time that a slow machine may miss.
    /// </summary>
    public Task? FirstTokenGate { get; init; }

    public TimeSpan ChunkInterval { get; init; }

    public int ChunkCharacters { get; init; } = 8;

    /// <summary>An HTTP status to fail with, for the first <see cref="Failures"/> requests.</summary>
    public int? FailureStatus { get; init; }

    public int Failures { get; init; } = int.MaxValue;

    /// <summary>Prompts counting more tokens than this are rejected with <c>context_length_exceeded</c>, as OpenAI does.</summary>
    public int? MaxPromptTokens { get; init; }

    /// <summary>The function calls to answer a request with instead of text; none (the default) means text.</summary>
    public Func<FakeChatRequest, IReadOnlyList<FakeToolCall>> ToolCalls { get; init; } = _ => [];

    /// <summary>Rejects every request that offers tools with HTTP 400, as models without function calling do.</summary>
    public bool RejectsTools { get; init; }

    /// <summary>
    /// Calls <paramref name="tool"/> once, when it is offered and no result has come back yet, then answers with
    /// <paramref name="answer"/> (by default 「回答：」 and the last tool result).
    /// </summary>
    public static FakeModelBehavior CallingTool(string tool, string arguments, Func<FakeChatRequest, string>? answer = null) => new()
    {
        ToolCalls = request => request.Tools.Contains(tool) && request.ToolResults.Count == 0 ? [new FakeToolCall(tool, arguments)] : [],
        Answer = answer ?? (request => request.ToolResults.Count > 0 ? $"回答：{request.ToolResults[^1].Content}" : EchoAnswer(request)),
    };

    /// <summary>
    /// The first token <paramref name="after"/> into WeChat's attempt <paramref name="attempt"/>, however long the app
    /// took to call the model.
    /// </summary>
    public static FakeModelBehavior FirstTokenInto(WeChatPlatform platform, int attempt, TimeSpan after = default, string? answer = null) => new()
    {
        FirstTokenGate = platform.AttemptStarted(attempt),
        FirstTokenDelay = after,
        Answer = answer is null ? EchoAnswer : _ => answer,
    };

    private static string EchoAnswer(FakeChatRequest request) => $"回答：{request.LastUserMessage}";
}
