using System.Text;
using System.Text.Json;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// Followers' tokens in one string property, as a JSON array of entries with one-letter names, so that the 200 a
/// statistics row or a day's roll-up keeps fit in the 32K characters a property holds.
/// </summary>
internal static class FollowerSpendJson
{
    /// <summary>A string property holds 64 KiB of UTF-16.</summary>
    private const int MaxCharacters = 32 * 1024;

    /// <summary>The spends in the order given, as many as fit: 200 of WeChat's 28-character OpenIDs take about 11,000, at most 17,000.</summary>
    public static string Write(IEnumerable<FollowerSpend> spends)
    {
        var json = new StringBuilder("[");
        foreach (var spend in spends)
        {
            var entry = JsonSerializer.Serialize(new Entry(spend.FollowerId, spend.PromptTokens, spend.CompletionTokens));
            if (json.Length + entry.Length + 2 > MaxCharacters)
            {
                break;
            }

            json.Append(json.Length > 1 ? "," : "").Append(entry);
        }

        return json.Append(']').ToString();
    }

    public static IEnumerable<FollowerSpend> Read(string? json) =>
        (JsonSerializer.Deserialize<List<Entry>>(json ?? "[]") ?? []).Select(entry => new FollowerSpend(entry.F, entry.P, entry.C));

    private sealed record Entry(string F, long P, long C);
}
