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
