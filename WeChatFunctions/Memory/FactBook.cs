using System.Text.RegularExpressions;

namespace WeChatFunctions.Memory;

/// <summary>The rules of a follower's remembered facts: one line each, a few hundred characters at most, the oldest going first.</summary>
internal static partial class FactBook
{
    /// <summary>Enough for 「对花生过敏，吃了会起疹子」 many times over; a longer one is refused for the model to shorten.</summary>
    public const int MaxFactCharacters = 200;

    /// <summary>The fact on one line: every run of white space, line breaks included, as one space.</summary>
    public static string Normalized(string fact) => WhiteSpace().Replace(fact, " ").Trim();

    /// <summary>
    /// The facts with <paramref name="fact"/> as the newest: the same text remembered before moves to the end rather
    /// than being kept twice, and the oldest go until at most <paramref name="maxFacts"/> are left.
    /// </summary>
    public static IReadOnlyList<RememberedFact> Add(IReadOnlyList<RememberedFact> facts, RememberedFact fact, int maxFacts)
    {
        var others = facts.Where(known => !string.Equals(known.Text, fact.Text, StringComparison.Ordinal)).ToList();
        return [.. others.Skip(Math.Max(0, others.Count + 1 - maxFacts)), fact];
    }

    /// <summary>The facts without the one numbered <paramref name="number"/> (from 1, oldest first, as <c>/memory</c> lists them).</summary>
    /// <returns><see langword="null"/> when there is no such fact.</returns>
    public static IReadOnlyList<RememberedFact>? Without(IReadOnlyList<RememberedFact> facts, int number) =>
        number >= 1 && number <= facts.Count ? [.. facts.Take(number - 1), .. facts.Skip(number)] : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
