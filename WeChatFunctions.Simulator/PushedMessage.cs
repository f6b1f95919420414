namespace WeChatFunctions.Simulator;

/// <summary>A customer-service message as WeChat's API received it: to whom, what, when, and what it answered.</summary>
/// <param name="Number">Which customer-service message this is since the follower's last message, counting from 1.</param>
/// <param name="ErrorCode">0 when WeChat accepted it and the follower sees it.</param>
/// <param name="MessageType"><c>text</c>, or <c>voice</c> or <c>image</c>, whose <paramref name="Content"/> is the media id.</param>
public sealed record PushedMessage(string OpenId, string Content, DateTimeOffset At, int Number, int ErrorCode, string MessageType = "text");
