namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>A chat-completions request as the fake model server received it.</summary>
public sealed record FakeChatRequest(string Model, IReadOnlyList<FakeChatMessage> Messages, bool Stream, double? Temperature, string? Authorization, string Host)
{
    public string LastUserMessage => Messages.Last(message => message.Role == "user").Content;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the whole answer had been sent.</summary>
    public long? CompletedAt { get; set; }
}

public sealed record FakeChatMessage(string Role, string Content);
