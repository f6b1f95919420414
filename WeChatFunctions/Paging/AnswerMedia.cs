using WeChatFunctions.WeChat;

namespace WeChatFunctions.Paging;

/// <summary>
/// A voice or a picture an answer is delivered as, uploaded to WeChat as temporary media (WeChat keeps it three days),
/// so that every attempt, 「继续」 and push shows the same one by its id. A voice takes the place of the text (which
/// stays in the history); a picture follows the text, as the answer's last page.
/// </summary>
internal sealed record AnswerMedia(MediaKind Kind, string MediaId);
