using System.Globalization;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>How a follower's usage rows keep their lists: a few numbers or entries in one string property each.</summary>
internal static class UsageColumns
{
    /// <summary>Unix milliseconds, space-separated: a handful of numbers in one string property.</summary>
    public static List<DateTimeOffset> ParseTimes(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(time => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(time, CultureInfo.InvariantCulture)))];

    /// <summary>Space-separated <c>{message}:{tokens}:{until, Unix milliseconds}</c>: a few in flight at most.</summary>
    public static List<TokenReservation> ParseReservations(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split(':')).Select(parts => new TokenReservation(
            parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture))))];

    public static string FormatReservations(IEnumerable<TokenReservation> reservations) =>
        string.Join(' ', reservations.Select(held => string.Create(CultureInfo.InvariantCulture, $"{held.MessageId}:{held.Tokens}:{held.Until.ToUnixTimeMilliseconds()}")));

    public static string FormatTimes(IEnumerable<DateTimeOffset> times) =>
        string.Join(' ', times.Select(time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
}
