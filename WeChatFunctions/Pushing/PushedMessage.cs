namespace WeChatFunctions.Pushing;

/// <summary>One customer-service message of an answer: its text, and where it ends in the answer.</summary>
internal sealed record PushedMessage(string Text, int End);
