using WeChatFunctions.Dialog;
using WeChatFunctions.Moderation;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;

namespace WeChatFunctions.Answering;

/// <summary>Moderates both ends of an answer: the question before it reaches the model, the answer before it reaches the follower.</summary>
internal sealed class AnswerModeration(ContentModeration moderation, StatisticsRecorder statistics)
{
    /// <summary>With moderation on, no part of an answer is shown before the whole of it has passed.</summary>
    public bool HoldsBackText => moderation.IsOn;

    /// <returns>What the follower gets instead of an answer, or <see langword="null"/> when the question passed.</returns>
    public async Task<DialogOutcome?> RefuseQuestionAsync(string question, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        switch (await moderation.CheckAsync(question, cancellationToken))
        {
            case ModerationVerdict.Blocked:
                statistics.QuestionBlocked(askedAt);
                return DialogOutcome.Failed(FollowerTexts.QuestionBlocked);
            case ModerationVerdict.Unavailable:
                return DialogOutcome.Failed(FollowerTexts.ModerationUnavailable);
            default:
                return null;
        }
    }

    /// <returns>The outcome itself, or, for an answer that did not pass, the text the follower gets instead and what it cost.</returns>
    public async Task<DialogOutcome> ReviewAnswerAsync(DialogOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exchange is not { } exchange)
        {
            return outcome;
        }

        var verdict = await moderation.CheckAsync(exchange.Answer, cancellationToken);
        if (verdict == ModerationVerdict.Passed)
        {
            return outcome;
        }

        var blocked = verdict == ModerationVerdict.Blocked;
        return DialogOutcome.Withheld(blocked ? FollowerTexts.AnswerBlocked : FollowerTexts.ModerationUnavailable, outcome, blocked);
    }
}
