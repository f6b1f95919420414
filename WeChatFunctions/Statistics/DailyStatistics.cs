namespace WeChatFunctions.Statistics;

/// <summary>One day's figures, or a sum of days'. Active followers are distinct within a day; summed, they are follower-days.</summary>
/// <param name="OverQuota">Questions refused by a limit: the follower's questions or tokens, or the account's budget.</param>
/// <param name="GlobalCapped">Of <paramref name="OverQuota"/>, those refused by the account's budget (<c>global_daily_token_limit</c>).</param>
/// <param name="FirstPageOnFirstAttempt">Answers whose first page went out on WeChat's first attempt; the next two on its retries, the last on 「继续」.</param>
/// <param name="MessagesByHour">Messages by the hour of the day they arrived, 0 to 23, in the time zone of the days.</param>
/// <param name="FirstTextLatency">Answers by how long the model took to stream their first text, in <see cref="ModelLatency"/>'s buckets.</param>
/// <param name="AnswerLatency">Answers by how long the model took to finish them, in <see cref="ModelLatency"/>'s buckets.</param>
/// <param name="ToolCalls">Tool calls by tool, each run counted once; a call replayed after a takeover is not.</param>
/// <param name="ToolFailures">Of <paramref name="ToolCalls"/>, those that failed or timed out, by tool.</param>
/// <param name="VoiceReplies">Answers to be spoken, by what became of them (<see cref="VoiceReplyOutcome"/>): spoken, or sent as text and why.</param>
/// <param name="HeardVoices">Voices the app transcribed itself, by outcome (<see cref="HeardVoiceOutcome"/>): heard, or why not.</param>
/// <param name="Pictures">Pictures drawn and uploaded for followers (<c>/画</c> and the <c>draw</c> tool), each billed at <c>price_per_image</c>.</param>
/// <param name="PictureFailures">Pictures the image model, WeChat's upload or the time allowed failed; refusals (limits, moderation) are not failures.</param>
/// <param name="FollowerTokens">The prompt and completion tokens of each follower's answers, for the spend rankings; embedding tokens are the account's.</param>
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
    long EmbeddingTokens = 0,
    long GlobalCapped = 0,
    long FirstPageOnFirstAttempt = 0,
    long FirstPageOnSecondAttempt = 0,
    long FirstPageOnThirdAttempt = 0,
    long FirstPageOnContinue = 0,
    BucketCounts? MessagesByHour = null,
    BucketCounts? FirstTextLatency = null,
    BucketCounts? AnswerLatency = null,
    NamedCounts? ToolCalls = null,
    NamedCounts? ToolFailures = null,
    NamedCounts? VoiceReplies = null,
    long Pictures = 0,
    long PictureFailures = 0,
    NamedCounts? HeardVoices = null,
    FollowerTokens? FollowerTokens = null)
{
    public static readonly DailyStatistics Zero = new();

    public BucketCounts MessagesByHour { get; init; } = MessagesByHour ?? BucketCounts.None;

    public BucketCounts FirstTextLatency { get; init; } = FirstTextLatency ?? BucketCounts.None;

    public BucketCounts AnswerLatency { get; init; } = AnswerLatency ?? BucketCounts.None;

    public NamedCounts ToolCalls { get; init; } = ToolCalls ?? NamedCounts.None;

    public NamedCounts ToolFailures { get; init; } = ToolFailures ?? NamedCounts.None;

    public NamedCounts VoiceReplies { get; init; } = VoiceReplies ?? NamedCounts.None;

    public NamedCounts HeardVoices { get; init; } = HeardVoices ?? NamedCounts.None;

    public FollowerTokens FollowerTokens { get; init; } = FollowerTokens ?? FollowerTokens.None;

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
        left.EmbeddingTokens + right.EmbeddingTokens,
        left.GlobalCapped + right.GlobalCapped,
        left.FirstPageOnFirstAttempt + right.FirstPageOnFirstAttempt,
        left.FirstPageOnSecondAttempt + right.FirstPageOnSecondAttempt,
        left.FirstPageOnThirdAttempt + right.FirstPageOnThirdAttempt,
        left.FirstPageOnContinue + right.FirstPageOnContinue,
        left.MessagesByHour + right.MessagesByHour,
        left.FirstTextLatency + right.FirstTextLatency,
        left.AnswerLatency + right.AnswerLatency,
        left.ToolCalls + right.ToolCalls,
        left.ToolFailures + right.ToolFailures,
        left.VoiceReplies + right.VoiceReplies,
        left.Pictures + right.Pictures,
        left.PictureFailures + right.PictureFailures,
        left.HeardVoices + right.HeardVoices,
        left.FollowerTokens + right.FollowerTokens);

    public static DailyStatistics Add(DailyStatistics left, DailyStatistics right) => left + right;
}
