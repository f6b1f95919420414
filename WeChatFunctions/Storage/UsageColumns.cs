using System.Globalization;
using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>How a follower's usage rows keep their lists: a few numbers or entries in one string property each.</summary>
internal static class UsageColumns
{
    /// <summary>
    /// The usage the columns hold: the counts, pictures and reservations of <paramref name="day"/>, the latest questions'
    /// times of <paramref name="recent"/> (the same row, where one row holds both).
    /// </summary>
    public static FollowerUsage Read(TableEntity day, TableEntity recent) => new(
        day.GetInt32(nameof(FollowerUsage.Questions)) ?? 0,
        day.GetInt64(nameof(FollowerUsage.PromptTokens)) ?? 0,
        day.GetInt64(nameof(FollowerUsage.CompletionTokens)) ?? 0,
        ParseTimes(recent.GetString(nameof(FollowerUsage.RecentQuestions))),
        ParseReservations(day.GetString(nameof(FollowerUsage.Reservations))))
    {
        Pictures = (day.GetString(nameof(FollowerUsage.Pictures)) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>Writes the day's counts and pictures; the reservations and times are written where each layout keeps them.</summary>
    public static void WriteCounts(TableEntity row, FollowerUsage usage)
    {
        row[nameof(FollowerUsage.Questions)] = usage.Questions;
        row[nameof(FollowerUsage.PromptTokens)] = usage.PromptTokens;
        row[nameof(FollowerUsage.CompletionTokens)] = usage.CompletionTokens;
        row[nameof(FollowerUsage.Pictures)] = string.Join(' ', usage.Pictures);
    }

    /// <summary>A row read is replaced under its ETag; one never stored is inserted, so that another instance's insert meanwhile conflicts.</summary>
    public static TableTransactionAction WriteOf(TableEntity row, bool exists) => exists
        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)
        : new TableTransactionAction(TableTransactionActionType.Add, row);

    /// <summary>Unix milliseconds, space-separated: a handful of numbers in one string property.</summary>
    private static List<DateTimeOffset> ParseTimes(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(time => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(time, CultureInfo.InvariantCulture)))];

    /// <summary>Space-separated <c>{message}:{tokens}:{until, Unix milliseconds}</c>: a few in flight at most.</summary>
    private static List<TokenReservation> ParseReservations(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split(':')).Select(parts => new TokenReservation(
            parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture))))];

    public static string FormatReservations(IEnumerable<TokenReservation> reservations) =>
        string.Join(' ', reservations.Select(held => string.Create(CultureInfo.InvariantCulture, $"{held.MessageId}:{held.Tokens}:{held.Until.ToUnixTimeMilliseconds()}")));

    public static string FormatTimes(IEnumerable<DateTimeOffset> times) =>
        string.Join(' ', times.Select(time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
}
