namespace WeChatFunctions.Dialog;

/// <summary>A question for the dialog, with the start of its answer when an earlier generation of it broke off.</summary>
/// <param name="AnswerSoFar">Text an instance that died had generated and saved; the model is asked to go on from it.</param>
internal sealed record DialogQuestion(string FollowerId, string Text, string AnswerSoFar = "");
