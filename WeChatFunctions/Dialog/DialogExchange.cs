namespace WeChatFunctions.Dialog;

/// <summary>A question and the model's answer to it, ready to be remembered as the follower's next two turns.</summary>
/// <param name="UsedImage">The question was about the follower's pending image, which it has now answered.</param>
internal sealed record DialogExchange(string FollowerId, PromptPart Question, string Answer, int AnswerTokens, bool UsedImage);
