using WeChatFunctions.Model;
using WeChatFunctions.Paging;
using WeChatFunctions.Text;

namespace WeChatFunctions.Dialog;

/// <summary>What a question led to: an answer from the model, or a failure text for the follower.</summary>
/// <param name="IsModelError">The model API failed (counted in the statistics), as opposed to a refusal or a storage fault.</param>
/// <param name="IsInterrupted">The answer broke off after some text had streamed; <see cref="ReplyText"/> then says so.</param>
/// <param name="IsBlocked">Moderation blocked the model's answer; <see cref="Usage"/> still says what it cost.</param>
/// <param name="Exchange">For an answer, what to remember of it once it may be shown.</param>
/// <param name="Timing">For an answer the model finished, how long it took.</param>
internal sealed record DialogOutcome(
    string ReplyText,
    bool IsAnswer,
    TokenUsage Usage,
    bool IsModelError = false,
    bool IsInterrupted = false,
    bool IsBlocked = false,
    DialogExchange? Exchange = null,
    ModelTiming? Timing = null)
{
    /// <summary>Lines for the follower after the answer from the tools it called, such as 「已记住：…」.</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = [];

    /// <summary>A picture for the follower after the answer's text: one the <c>draw</c> tool made, or a <c>/画</c> request's.</summary>
    public AnswerMedia? Media { get; init; }

    public static DialogOutcome Answered(DialogExchange exchange, TokenUsage usage, bool interrupted, ModelTiming? timing) =>
        new(interrupted ? exchange.Answer + FollowerTexts.AnswerInterrupted : exchange.Answer, IsAnswer: true, usage, IsInterrupted: interrupted, Exchange: exchange, Timing: timing);

    /// <summary>An answer the model produced that moderation blocked or could not check, so the follower gets <paramref name="followerText"/> instead.</summary>
    public static DialogOutcome Withheld(string followerText, DialogOutcome answer, bool blocked) =>
        new(followerText, IsAnswer: false, answer.Usage, IsBlocked: blocked, Timing: answer.Timing);

    public static DialogOutcome Failed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None);

    /// <summary>The outcome with the tokens that finding the knowledge base's passages cost added to its usage.</summary>
    public DialogOutcome WithEmbeddingTokens(long tokens) => tokens == 0 ? this : this with { Usage = Usage with { EmbeddingTokens = Usage.EmbeddingTokens + tokens } };

    public static DialogOutcome ModelFailed(string followerText) => new(followerText, IsAnswer: false, TokenUsage.None, IsModelError: true);
}
