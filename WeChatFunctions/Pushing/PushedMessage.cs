using WeChatFunctions.Paging;

namespace WeChatFunctions.Pushing;

/// <summary>One customer-service message of an answer: its text or its voice or picture, and where it ends in the answer.</summary>
internal sealed record PushedMessage(string Text, int End, AnswerMedia? Media = null);
