namespace WeChatFunctions.Statistics;

/// <summary>One day's figures, or a sum of days'. Active followers are distinct within a day; summed, they are follower-days.</summary>
internal sealed record DailyStatistics(
    long Messages = 0,
    long Answered = 0,
    long ActiveFollowers = 0,
    long PromptTokens = 0,
    long CompletionTokens = 0,
    long ModelErrors = 0,
    long OverQuota = 0,
    long Subscriptions = 0,
    long RateLimited = 0,
    long BlockedQuestions = 0,
    long BlockedAnswers = 0,
    long KeywordReplies = 0,
    long EmbeddingTokens = 0)
{
    public static readonly DailyStatistics Zero = new();

    public long Tokens => PromptTokens + CompletionTokens + EmbeddingTokens;

    public static DailyStatistics operator +(DailyStatistics left, DailyStatistics right) => new(
        left.Messages + right.Messages,
        left.Answered + right.Answered,
        left.ActiveFollowers + right.ActiveFollowers,
        left.PromptTokens + right.PromptTokens,
        left.CompletionTokens + right.CompletionTokens,
        left.ModelErrors + right.ModelErrors,
        left.OverQuota + right.OverQuota,
        left.Subscriptions + right.Subscriptions,
        left.RateLimited + right.RateLimited,
        left.BlockedQuestions + right.BlockedQuestions,
        left.BlockedAnswers + right.BlockedAnswers,
        left.KeywordReplies + right.KeywordReplies,
        left.EmbeddingTokens + right.EmbeddingTokens);

    public static DailyStatistics Add(DailyStatistics left, DailyStatistics right) => left + right;
}
