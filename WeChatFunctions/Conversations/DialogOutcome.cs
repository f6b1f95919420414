namespace WeChatFunctions.Conversations;

/// <summary>What a question led to: an answer from the model, or a failure text for the follower.</summary>
/// <param name="IsModelError">The model API failed (counted in the statistics), as opposed to a refusal or a storage fault.</param>
/// <param name="IsInterrupted">The answer broke off after some text had streamed; <see cref="ReplyText"/> then says so.</param>
/// <param name="IsBlocked">Moderation blocked the model's answer; <see cref="Usage"/> still says what it cost.</param>
internal sealed record DialogOutcome(string ReplyText, bool IsAnswer, TokenUsage Usage, bool IsModelError = false, bool IsInterrupted = false, bool IsBlocked = false)
{
    public static DialogOutcome Answered(string answer, TokenUsage usage, bool interrupted) =>
        new(interrupted ? answer + FollowerTexts.AnswerInterrupted : answer, IsAnswer: true, usage, IsInterrupted: interrupted);

    /// <summary>An answer the model produced that moderation blocked or could not check, so the follower gets <paramref name="followerText"/> instead.</summary>
    public static DialogOutcome Withheld(string followerText, TokenUsage usage, bool blocked) => new(followerText, IsAnswer: false, usage, IsBlocked: blocked);

    public static DialogOutcome Failed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None);

    public static DialogOutcome ModelFailed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None, IsModelError: true);
}
