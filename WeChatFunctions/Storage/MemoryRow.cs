using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using WeChatFunctions.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's remembered facts in the follower table: in the follower's partition, row
/// <c>memory</c>, the facts as JSON (<c>[{"text":…,"at":…}]</c>, oldest first) and their count, which the census reads
/// without the facts.
/// </summary>
internal static class MemoryRow
{
    public const string Key = "memory";

    public const string FactsProperty = "Facts";

    public const string CountProperty = "FactCount";

    /// <summary>A string property holds 32K UTF-16 characters; escapes (an emoji is written as twelve) can fill it before <c>memory_max_facts</c> does.</summary>
    private const int MaxJsonCharacters = 30_000;

    /// <summary>Chinese stays as it is rather than six characters of escape each.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<RememberedFact> Read(TableEntity row) =>
        row.GetString(FactsProperty) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<RememberedFact>>(json, Json) ?? [] : [];

    /// <summary>Writes <paramref name="facts"/> into <paramref name="row"/>, without the oldest while they would not fit.</summary>
    /// <returns>The facts written.</returns>
    public static IReadOnlyList<RememberedFact> Write(TableEntity row, IReadOnlyList<RememberedFact> facts)
    {
        var json = JsonSerializer.Serialize(facts, Json);
        while (json.Length > MaxJsonCharacters)
        {
            facts = [.. facts.Skip(1)];
            json = JsonSerializer.Serialize(facts, Json);
        }

        row[FactsProperty] = json;
        row[CountProperty] = facts.Count;
        return facts;
    }
}
