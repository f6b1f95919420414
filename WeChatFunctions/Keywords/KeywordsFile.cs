using WeChatFunctions.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace WeChatFunctions.Keywords;

/// <summary>
/// The rules of <c>keywords_file</c>, read once at start-up. JSON is YAML too, so one reader takes both:
/// <code>
/// - match: contains
///   phrases: [价格, 多少钱]
///   reply: 价格表见 https://example.com/price
/// </code>
/// A rule's id comes from its content, so it stays the same across restarts and instances.
/// </summary>
/// <remarks>It takes the path rather than the options: the start-up check that reads the file runs while the options are being made.</remarks>
internal sealed class KeywordsFile
{
    private Loaded? _loaded;

    /// <summary>
    /// The rules of the file at <paramref name="path"/>, read the first time they are asked for: the start-up check
    /// reads them, and messages are then matched against those.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed; the message names the setting and the problem.</exception>
    public IReadOnlyList<KeywordRule> RulesOf(string? path)
    {
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.Path == path)
        {
            return loaded.Rules;
        }

        // Two first readers at once both read the file; they find the same rules.
        var rules = Load(path);
        Volatile.Write(ref _loaded, new Loaded(path, rules));
        return rules;
    }

    /// <exception cref="InvalidDataException">The file is missing or malformed; the message names the setting and the problem.</exception>
    public static IReadOnlyList<KeywordRule> Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        if (!File.Exists(fullPath))
        {
            throw new InvalidDataException($"Setting 'keywords_file' names '{path}', which does not exist.");
        }

        List<FileRule>? entries;
        try
        {
            entries = new DeserializerBuilder().Build().Deserialize<List<FileRule>>(File.ReadAllText(fullPath));
        }
        catch (YamlException malformed)
        {
            throw new InvalidDataException($"Setting 'keywords_file' names '{path}', which is not a list of rules at line {malformed.Start.Line}: {malformed.Message}");
        }

        return [.. (entries ?? []).Select((entry, index) => ToRule(entry, index, path))];
    }

    private static KeywordRule ToRule(FileRule entry, int index, string path)
    {
        var rule = KeywordRule.TryParse($"{entry.Match} {string.Join(',', entry.Phrases ?? [])}", entry.Reply ?? "", out var problem)
            ?? throw new InvalidDataException($"Setting 'keywords_file' names '{path}', whose rule {index + 1} is invalid: {problem}.");
        return rule with { Id = "f" + HexDigest.Sha256($"{rule.Match}\n{string.Join('\n', rule.Phrases)}\n{rule.Reply}")[..5] };
    }

    private sealed record Loaded(string? Path, IReadOnlyList<KeywordRule> Rules);

    /// <summary>One rule as the file spells it.</summary>
    private sealed class FileRule
    {
        [YamlMember(Alias = "match")]
        public string? Match { get; set; }

        [YamlMember(Alias = "phrases")]
        public List<string>? Phrases { get; set; }

        [YamlMember(Alias = "reply")]
        public string? Reply { get; set; }
    }
}
