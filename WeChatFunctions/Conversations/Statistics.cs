using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Records the daily figures off the reply path: a follower never waits for a statistics write, and a failed one is
/// logged rather than failing the reply.
/// </summary>
internal sealed class Statistics(IStatisticsStore store, QuotaDays days, BackgroundWork background, ILogger<Statistics> logger)
{
    /// <summary>A message's first arrival; retries are not counted.</summary>
    public void MessageReceived(string followerId, DateTimeOffset at) => Record(at, async (day, token) =>
    {
        var firstToday = await store.MarkActiveAsync(day, followerId, token);
        await store.AddAsync(day, new DailyStatistics(Messages: 1, ActiveFollowers: firstToday ? 1 : 0), token);
    });

    public void Answered(DateTimeOffset at, TokenUsage usage) =>
        Add(at, new DailyStatistics(Answered: 1, PromptTokens: usage.PromptTokens, CompletionTokens: usage.CompletionTokens));

    public void ModelFailed(DateTimeOffset at) => Add(at, new DailyStatistics(ModelErrors: 1));

    public void OverQuota(DateTimeOffset at) => Add(at, new DailyStatistics(OverQuota: 1));

    public void Subscribed(DateTimeOffset at) => Add(at, new DailyStatistics(Subscriptions: 1));

    private void Add(DateTimeOffset at, DailyStatistics delta) => Record(at, (day, token) => store.AddAsync(day, delta, token));

    private void Record(DateTimeOffset at, Func<string, CancellationToken, Task> write) => background.Run(async stopping =>
    {
        try
        {
            await write(days.DayOf(at), stopping);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            ConversationLog.StatisticsNotRecorded(logger, exception);
        }
    });
}
