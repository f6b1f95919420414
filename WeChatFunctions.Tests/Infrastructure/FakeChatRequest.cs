namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>A chat-completions request as the fake model server received it.</summary>
public sealed record FakeChatRequest(string Model, IReadOnlyList<FakeChatMessage> Messages, bool Stream, double? Temperature, string? Authorization, string Host)
{
    public string LastUserMessage => Messages.Last(message => message.Role == "user").Content;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the whole answer had been sent.</summary>
    public long? CompletedAt { get; set; }

    /// <summary>The completion cap the client sent (<c>max_completion_tokens</c>, or the older <c>max_tokens</c>).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Whether the client asked for usage at the end of the stream (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>The prompt's tokens as the fake model reports them in its usage.</summary>
    public int PromptTokens { get; set; }

    public Func<string, int> CompletionTokens { get; set; } = _ => 0;

    /// <summary>The names of the functions the request offered the model (<c>tools</c>).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>The request's <c>tool_choice</c>: <c>auto</c>, <c>none</c>, or <see langword="null"/> when it sent none.</summary>
    public string? ToolChoice { get; init; }

    /// <summary>Whether the model may call a function in its answer: offered some, and not told <c>none</c>.</summary>
    public bool MayCallTools => Tools.Count > 0 && ToolChoice != "none";

    /// <summary>The tool results the request carries, in order: what the app's tools answered.</summary>
    public IReadOnlyList<FakeChatMessage> ToolResults => [.. Messages.Where(message => message.Role == "tool")];
}

/// <param name="ImageUrls">The message's image parts, such as <c>data:image/png;base64,…</c>.</param>
public sealed record FakeChatMessage(string Role, string Content, IReadOnlyList<string> ImageUrls)
{
    /// <summary>For a tool result, the id of the call it answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>For an assistant message, the calls it made.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];
}

/// <summary>A function call the fake model makes, or made in an earlier message.</summary>
/// <param name="Arguments">The arguments as a JSON object, as the API carries them: a string.</param>
public sealed record FakeToolCall(string Name, string Arguments, string? Id = null);
