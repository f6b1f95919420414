namespace WeChatFunctions.Tools;

/// <summary>The tool calls of each question, in the follower's partition beside the question's reply claim.</summary>
internal interface IToolCallStore
{
    /// <summary>Every call recorded for the question, in the order they were asked for.</summary>
    Task<IReadOnlyList<RecordedToolCall>> ReadAsync(ToolQuestion question, CancellationToken cancellationToken);

    /// <summary>Records that a call is about to run, unless a call was recorded in its place already.</summary>
    /// <returns>The call as stored, or <see langword="null"/> when another generation recorded that place first.</returns>
    Task<RecordedToolCall?> TryStartAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken);

    /// <summary>Stores the result of a call this generation started.</summary>
    Task FinishAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken);
}
