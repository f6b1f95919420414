namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>A chat-completions request as the fake model server received it.</summary>
public sealed record FakeChatRequest(string Model, IReadOnlyList<FakeChatMessage> Messages, bool Stream, double? Temperature, string? Authorization, string Host)
{
    public string LastUserMessage => Messages.Last(message => message.Role == "user").Content;
}

public sealed record FakeChatMessage(string Role, string Content);
