namespace WeChatFunctions.Conversations;

/// <summary>What a question led to: an answer from the model, or a failure text for the follower.</summary>
internal sealed record DialogOutcome(string ReplyText, bool IsAnswer)
{
    public static DialogOutcome Answered(string answer) => new(answer, IsAnswer: true);

    public static DialogOutcome Failed(string followerText) => new(followerText, IsAnswer: false);
}
