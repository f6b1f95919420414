using WeChatFunctions.Limits;
using WeChatFunctions.Model;
using WeChatFunctions.Telemetry;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Statistics;

/// <summary>
/// Records the daily figures off the reply path: they are added up in memory and written in batches by
/// <see cref="StatisticsTally"/>, so a follower never waits for a statistics write. The same events go to the metrics
/// an operator charts.
/// </summary>
internal sealed class StatisticsRecorder(StatisticsTally tally, QuotaDays days, AssistantMetrics metrics, TimeProvider timeProvider) : IToolCallCounter
{
    /// <summary>The first page of an answer reached the follower, on WeChat's attempt <paramref name="attempt"/> or, when <see langword="null"/>, on 「继续」.</summary>
    public void AnswerDelivered(DateTimeOffset at, int? attempt)
    {
        metrics.AnswerDelivered(attempt);
        Add(at, attempt switch
        {
            1 => new DailyStatistics(FirstPageOnFirstAttempt: 1),
            2 => new DailyStatistics(FirstPageOnSecondAttempt: 1),
            null => new DailyStatistics(FirstPageOnContinue: 1),
            _ => new DailyStatistics(FirstPageOnThirdAttempt: 1),
        });
    }

    /// <summary>A message's first arrival; retries are not counted.</summary>
    public void MessageReceived(string followerId, DateTimeOffset at)
    {
        metrics.MessageReceived();
        var day = days.DayOf(at);
        tally.MarkActive(day, followerId);
        tally.Add(day, new DailyStatistics(Messages: 1, MessagesByHour: BucketCounts.One(days.HourOf(at))));
    }

    /// <summary>The tokens a generation for <paramref name="followerId"/> cost, for the day's totals and the follower's, with what became of it.</summary>
    /// <param name="answered">The follower got the answer.</param>
    /// <param name="blocked">Moderation replaced the answer; its tokens were spent all the same.</param>
    /// <param name="timing">How long the model took, for a call that finished.</param>
    public void Spent(string followerId, DateTimeOffset at, TokenUsage usage, bool answered, bool blocked, ModelTiming? timing)
    {
        metrics.TokensSpent(usage.PromptTokens, usage.CompletionTokens);
        if (blocked)
        {
            metrics.Refused(RefusalReason.AnswerModerated);
        }

        Add(at, new DailyStatistics(
            Answered: answered ? 1 : 0,
            BlockedAnswers: blocked ? 1 : 0,
            PromptTokens: usage.PromptTokens,
            CompletionTokens: usage.CompletionTokens,
            EmbeddingTokens: usage.EmbeddingTokens,
            FollowerTokens: FollowerTokens.One(followerId, usage.PromptTokens, usage.CompletionTokens),
            FirstTextLatency: timing is null ? null : BucketCounts.One(ModelLatency.BucketOf(timing.FirstText)),
            AnswerLatency: timing is null ? null : BucketCounts.One(ModelLatency.BucketOf(timing.Complete))));
    }

    public void ToolRan(string tool, bool failed) =>
        Add(timeProvider.GetUtcNow(), new DailyStatistics(ToolCalls: NamedCounts.One(tool), ToolFailures: failed ? NamedCounts.One(tool) : null));

    /// <summary>A voice the app transcribed itself, heard or not (<see cref="HeardVoiceOutcome"/>); WeChat's retries of it are not counted.</summary>
    public void VoiceHeard(DateTimeOffset at, string outcome) => Add(at, new DailyStatistics(HeardVoices: NamedCounts.One(outcome)));

    /// <summary>An answer that was to be spoken, and what became of it: one of <see cref="VoiceReplyOutcome"/>'s names.</summary>
    public void VoiceReplied(string outcome) => Add(timeProvider.GetUtcNow(), new DailyStatistics(VoiceReplies: NamedCounts.One(outcome)));

    /// <summary>Tokens spent embedding documents for the knowledge base.</summary>
    public void Embedded(DateTimeOffset at, long tokens) => Add(at, new DailyStatistics(EmbeddingTokens: tokens));

    /// <summary>A picture was drawn and uploaded for a follower, or, when <paramref name="failed"/>, none came of a request that passed the limits.</summary>
    public void PictureDrawn(DateTimeOffset at, bool failed) => Add(at, failed ? new DailyStatistics(PictureFailures: 1) : new DailyStatistics(Pictures: 1));

    public void ModelFailed(DateTimeOffset at) => Add(at, new DailyStatistics(ModelErrors: 1));

    /// <summary>A message or menu click answered by an operator's keyword rule, at no model call.</summary>
    public void KeywordReplied(DateTimeOffset at) => Add(at, new DailyStatistics(KeywordReplies: 1));

    /// <summary>A question or picture refused by a limit: over quota (questions, tokens, the account's budget or pictures) or too fast.</summary>
    public void Refused(DateTimeOffset at, QuotaRefusal refusal)
    {
        metrics.Refused(refusal switch
        {
            QuotaRefusal.DailyQuestions => RefusalReason.DailyQuestions,
            QuotaRefusal.DailyTokens => RefusalReason.DailyTokens,
            QuotaRefusal.AccountTokens => RefusalReason.AccountTokens,
            QuotaRefusal.RateLimited => RefusalReason.RateLimited,
            QuotaRefusal.DailyPictures => RefusalReason.DailyPictures,
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Only a refusal is recorded."),
        });
        Add(at, refusal switch
        {
            QuotaRefusal.RateLimited => new DailyStatistics(RateLimited: 1),
            QuotaRefusal.AccountTokens => new DailyStatistics(OverQuota: 1, GlobalCapped: 1),
            _ => new DailyStatistics(OverQuota: 1),
        });
    }

    public void QuestionBlocked(DateTimeOffset at)
    {
        metrics.Refused(RefusalReason.QuestionModerated);
        Add(at, new DailyStatistics(BlockedQuestions: 1));
    }

    public void Subscribed(DateTimeOffset at) => Add(at, new DailyStatistics(Subscriptions: 1));

    private void Add(DateTimeOffset at, DailyStatistics delta) => tally.Add(days.DayOf(at), delta);
}
