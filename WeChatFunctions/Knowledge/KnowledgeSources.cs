using System.Text;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Names the articles an answer drew on, at most <see cref="MaxSources"/>: 「参考：《title》 link」. A passage counts as
/// used when a good share of the answer's wording (Chinese character pairs, words, numbers) is found in it, so an
/// answer that says the material does not cover the question names none. The line is its own paragraph and short, so
/// that paging never cuts it.
/// </summary>
internal static class KnowledgeSources
{
    public const int MaxSources = 2;

    /// <summary>The share of the answer's features a passage must hold to count as used.</summary>
    private const double MinShare = 0.2;

    private const int MaxTitleCharacters = 40;

    /// <returns>The line, starting with a blank line, or an empty string when the answer used no passage.</returns>
    public static string LineFor(string answer, IReadOnlyList<KnowledgePassage> passages)
    {
        var said = Features(answer);
        if (said.Count == 0)
        {
            return "";
        }

        var used = passages
            .Select(passage => (passage, share: Features(passage.Chunk.Text).Intersect(said).Count() / (double)said.Count))
            .Where(entry => entry.share >= MinShare)
            .OrderByDescending(entry => entry.share)
            .DistinctBy(entry => entry.passage.Chunk.DocumentId)
            .Take(MaxSources)
            .Select(entry => Cite(entry.passage))
            .ToList();
        return used.Count == 0 ? "" : "\n\n" + KnowledgeTexts.SourcesLabel + string.Join("；", used);
    }

    private static string Cite(KnowledgePassage passage)
    {
        var title = passage.Title.Length > MaxTitleCharacters ? passage.Title[..MaxTitleCharacters] + "…" : passage.Title;
        return KnowledgeDocument.Link(passage.Source) is { } link ? $"《{title}》 {link}" : $"《{title}》";
    }

    /// <summary>Pairs of adjacent Chinese characters, and words and numbers of two characters or more, lower-cased.</summary>
    internal static HashSet<string> Features(string text)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        char? previousHan = null;
        foreach (var character in text)
        {
            if (IsHan(character))
            {
                if (previousHan is { } previous)
                {
                    features.Add(string.Concat(previous, character));
                }

                previousHan = character;
            }
            else
            {
                previousHan = null;
            }

            if (char.IsAsciiLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
                continue;
            }

            AddWord(features, word);
        }

        AddWord(features, word);
        return features;
    }

    private static void AddWord(HashSet<string> features, StringBuilder word)
    {
        if (word.Length >= 2)
        {
            features.Add(word.ToString());
        }

        word.Clear();
    }

    private static bool IsHan(char character) => character is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
