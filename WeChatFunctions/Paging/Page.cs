namespace WeChatFunctions.Paging;

/// <summary>A page of an answer: its text, where it ends in the answer, and whether more follows.</summary>
internal sealed record Page(string Text, int End, bool HasMore);
