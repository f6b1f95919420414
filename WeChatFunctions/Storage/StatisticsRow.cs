using System.Globalization;
using Azure.Data.Tables;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Storage;

/// <summary>
/// A statistics row's columns: one per figure, one per bucket of the figures counted in buckets, and the followers'
/// tokens as JSON in one.
/// </summary>
internal static class StatisticsRow
{
    public const string FollowerTokensProperty = nameof(DailyStatistics.FollowerTokens);

    private const int HoursOfTheDay = 24;

    public static DailyStatistics Read(TableEntity row)
    {
        long Read(string name) => row.GetInt64(name) ?? 0;
        return new DailyStatistics(
            Messages: Read(nameof(DailyStatistics.Messages)),
            Answered: Read(nameof(DailyStatistics.Answered)),
            ActiveFollowers: Read(nameof(DailyStatistics.ActiveFollowers)),
            PromptTokens: Read(nameof(DailyStatistics.PromptTokens)),
            CompletionTokens: Read(nameof(DailyStatistics.CompletionTokens)),
            ModelErrors: Read(nameof(DailyStatistics.ModelErrors)),
            OverQuota: Read(nameof(DailyStatistics.OverQuota)),
            Subscriptions: Read(nameof(DailyStatistics.Subscriptions)),
            KeywordReplies: Read(nameof(DailyStatistics.KeywordReplies)),
            EmbeddingTokens: Read(nameof(DailyStatistics.EmbeddingTokens)),
            GlobalCapped: Read(nameof(DailyStatistics.GlobalCapped)),
            FirstPageOnFirstAttempt: Read(nameof(DailyStatistics.FirstPageOnFirstAttempt)),
            FirstPageOnSecondAttempt: Read(nameof(DailyStatistics.FirstPageOnSecondAttempt)),
            FirstPageOnThirdAttempt: Read(nameof(DailyStatistics.FirstPageOnThirdAttempt)),
            FirstPageOnContinue: Read(nameof(DailyStatistics.FirstPageOnContinue)),
            RateLimited: Read(nameof(DailyStatistics.RateLimited)),
            BlockedQuestions: Read(nameof(DailyStatistics.BlockedQuestions)),
            BlockedAnswers: Read(nameof(DailyStatistics.BlockedAnswers)),
            MessagesByHour: ReadBuckets(row, nameof(DailyStatistics.MessagesByHour), HoursOfTheDay),
            FirstTextLatency: ReadBuckets(row, nameof(DailyStatistics.FirstTextLatency), ModelLatency.BucketCount),
            AnswerLatency: ReadBuckets(row, nameof(DailyStatistics.AnswerLatency), ModelLatency.BucketCount),
            ToolCalls: ReadNamed(row, nameof(DailyStatistics.ToolCalls)),
            ToolFailures: ReadNamed(row, nameof(DailyStatistics.ToolFailures)),
            VoiceReplies: ReadNamed(row, nameof(DailyStatistics.VoiceReplies)),
            Pictures: Read(nameof(DailyStatistics.Pictures)),
            PictureFailures: Read(nameof(DailyStatistics.PictureFailures)),
            HeardVoices: ReadNamed(row, nameof(DailyStatistics.HeardVoices)),
            FollowerTokens: ReadFollowerTokens(row));
    }

    public static FollowerTokens ReadFollowerTokens(TableEntity row) => FollowerTokens.Of(FollowerSpendJson.Read(row.GetString(FollowerTokensProperty)));

    /// <summary>
    /// Only the top <see cref="ISpenderRollUpStore.FollowersPerDay"/>, ties in OpenID order: all a day's ranking and
    /// its roll-up keep, so a row stays small. Choosing them walks every follower the writer served that day, each second
    /// it has news: about 3 ms at 10,000 followers and 30 ms at 100,000, mostly the walk of the immutable map.
    /// </summary>
    private static void WriteFollowerTokens(TableEntity row, FollowerTokens tokens)
    {
        if (tokens.Count > 0)
        {
            row[FollowerTokensProperty] = FollowerSpendJson.Write(tokens.Top(ISpenderRollUpStore.FollowersPerDay));
        }
    }

    /// <summary>
    /// A name's count is the property <c>{figure}_{name}</c>, the name kept to letters, digits and <c>_</c> as property
    /// names must be; MCP tool names already are, but for their dashes.
    /// </summary>
    private static NamedCounts ReadNamed(TableEntity row, string figure) =>
        NamedCounts.Of(row.Keys.Where(key => key.StartsWith(figure + "_", StringComparison.Ordinal))
            .Select(key => KeyValuePair.Create(key[(figure.Length + 1)..], row.GetInt64(key) ?? 0)));

    /// <summary>A row holds 255 properties; an account with more tools than this keeps the most used.</summary>
    private const int MaxNames = 60;

    private static void WriteNamed(TableEntity row, string figure, NamedCounts counts)
    {
        foreach (var (name, count) in counts.Counts.OrderByDescending(entry => entry.Value).Take(MaxNames))
        {
            row[$"{figure}_{PropertySafe(name)}"] = count;
        }
    }

    private static string PropertySafe(string name) => new([.. name.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '_')]);

    /// <summary>Bucket <c>n</c> is the property <c>{name}{n:00}</c>; a bucket never counted has none.</summary>
    private static BucketCounts ReadBuckets(TableEntity row, string name, int count) =>
        BucketCounts.Of(Enumerable.Range(0, count).Select(bucket => row.GetInt64(BucketProperty(name, bucket)) ?? 0));

    private static void WriteBuckets(TableEntity row, string name, BucketCounts buckets)
    {
        for (var bucket = 0; bucket < buckets.Length; bucket++)
        {
            if (buckets[bucket] != 0)
            {
                row[BucketProperty(name, bucket)] = buckets[bucket];
            }
        }
    }

    private static string BucketProperty(string name, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{name}{bucket:00}");

    public static void Write(TableEntity row, DailyStatistics sum)
    {
        row[nameof(DailyStatistics.Messages)] = sum.Messages;
        row[nameof(DailyStatistics.Answered)] = sum.Answered;
        row[nameof(DailyStatistics.ActiveFollowers)] = sum.ActiveFollowers;
        row[nameof(DailyStatistics.PromptTokens)] = sum.PromptTokens;
        row[nameof(DailyStatistics.CompletionTokens)] = sum.CompletionTokens;
        row[nameof(DailyStatistics.ModelErrors)] = sum.ModelErrors;
        row[nameof(DailyStatistics.OverQuota)] = sum.OverQuota;
        row[nameof(DailyStatistics.Subscriptions)] = sum.Subscriptions;
        row[nameof(DailyStatistics.KeywordReplies)] = sum.KeywordReplies;
        row[nameof(DailyStatistics.EmbeddingTokens)] = sum.EmbeddingTokens;
        row[nameof(DailyStatistics.GlobalCapped)] = sum.GlobalCapped;
        row[nameof(DailyStatistics.FirstPageOnFirstAttempt)] = sum.FirstPageOnFirstAttempt;
        row[nameof(DailyStatistics.FirstPageOnSecondAttempt)] = sum.FirstPageOnSecondAttempt;
        row[nameof(DailyStatistics.FirstPageOnThirdAttempt)] = sum.FirstPageOnThirdAttempt;
        row[nameof(DailyStatistics.FirstPageOnContinue)] = sum.FirstPageOnContinue;
        row[nameof(DailyStatistics.RateLimited)] = sum.RateLimited;
        row[nameof(DailyStatistics.BlockedQuestions)] = sum.BlockedQuestions;
        row[nameof(DailyStatistics.BlockedAnswers)] = sum.BlockedAnswers;
        row[nameof(DailyStatistics.Pictures)] = sum.Pictures;
        row[nameof(DailyStatistics.PictureFailures)] = sum.PictureFailures;
        WriteBuckets(row, nameof(DailyStatistics.MessagesByHour), sum.MessagesByHour);
        WriteBuckets(row, nameof(DailyStatistics.FirstTextLatency), sum.FirstTextLatency);
        WriteBuckets(row, nameof(DailyStatistics.AnswerLatency), sum.AnswerLatency);
        WriteNamed(row, nameof(DailyStatistics.ToolCalls), sum.ToolCalls);
        WriteNamed(row, nameof(DailyStatistics.ToolFailures), sum.ToolFailures);
        WriteNamed(row, nameof(DailyStatistics.VoiceReplies), sum.VoiceReplies);
        WriteNamed(row, nameof(DailyStatistics.HeardVoices), sum.HeardVoices);
        WriteFollowerTokens(row, sum.FollowerTokens);
    }
}
