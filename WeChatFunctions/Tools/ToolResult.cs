using WeChatFunctions.Paging;

namespace WeChatFunctions.Tools;

/// <summary>What a tool call gave back.</summary>
/// <param name="Text">For the model: untrusted text, fenced and truncated by the loop.</param>
/// <param name="Footnote">
/// For the follower: a short line added after the answer, such as 「已记住：对花生过敏」, or <see langword="null"/>.
/// It is recorded with the result, so an instance that takes the answer over adds it too.
/// </param>
/// <param name="Media">
/// For the follower: a picture shown after the answer's text, or <see langword="null"/>. It is recorded with the result
/// too, so an answer an instance takes over still shows it.
/// </param>
internal sealed record ToolResult(string Text, string? Footnote = null, AnswerMedia? Media = null);
