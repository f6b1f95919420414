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
}

/// <param name="ImageUrls">The message's image parts, such as <c>data:image/png;base64,…</c>.</param>
public sealed record FakeChatMessage(string Role, string Content, IReadOnlyList<string> ImageUrls);
