namespace WeChatFunctions.Conversations;

/// <summary>What a question led to: an answer from the model, or a failure text for the follower.</summary>
/// <param name="IsModelError">The model API failed (counted in the statistics), as opposed to a refusal or a storage fault.</param>
internal sealed record DialogOutcome(string ReplyText, bool IsAnswer, TokenUsage Usage, bool IsModelError = false)
{
    public static DialogOutcome Answered(string answer, TokenUsage usage) => new(answer, IsAnswer: true, usage);

    public static DialogOutcome Failed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None);

    public static DialogOutcome ModelFailed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None, IsModelError: true);
}
