using System.Text;
using WeChatFunctions.Text;

namespace WeChatFunctions.Keywords;

/// <summary>An operator's own reply: to messages that match its phrases, or to menu clicks and follows with its keys.</summary>
/// <param name="Id">A short id for <c>remove_keyword</c>; rules from <c>keywords_file</c> get one from their content.</param>
internal sealed record KeywordRule(string Id, KeywordMatch Match, IReadOnlyList<string> Phrases, string Reply)
{
    public const int MaxReplyBytes = Utf8Pages.WeChatTextLimitBytes;

    /// <summary>The phrases as <see cref="Fold"/> makes them, folded once rather than for every message; rules are only ever copied with a new id.</summary>
    private readonly string[] _foldedPhrases = [.. Phrases.Select(Fold)];

    /// <summary>Whether a typed or spoken message fires the rule.</summary>
    /// <param name="foldedText">The message as <see cref="Fold"/> makes it, folded once for all the rules.</param>
    public bool MatchesText(string foldedText) => Match switch
    {
        KeywordMatch.Exact => _foldedPhrases.Any(phrase => string.Equals(phrase, foldedText, StringComparison.Ordinal)),
        KeywordMatch.Contains => _foldedPhrases.Any(phrase => foldedText.Contains(phrase, StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>Whether a menu click, a follow or a QR scene with <paramref name="key"/> fires the rule; keys compare exactly.</summary>
    public bool MatchesKey(string key) => Match == KeywordMatch.Key && Phrases.Any(phrase => string.Equals(phrase, key.Trim(), StringComparison.Ordinal));

    /// <summary>Trimmed, width-folded and upper-cased, so that ＶＩＰ, vip and VIP match alike.</summary>
    public static string Fold(string text) => WidthFolding.Fold(text.Trim()).ToUpperInvariant();

    /// <summary>
    /// Reads <c>{exact|contains|key} {phrases}</c>, phrases separated by <c>,</c> or <c>，</c>, and checks the reply.
    /// </summary>
    /// <returns>The rule without an id, or <see langword="null"/> with <paramref name="problem"/> saying why not.</returns>
    public static KeywordRule? TryParse(string spec, string reply, out string problem)
    {
        var space = spec.Trim().IndexOfAny([' ', '\u3000']);
        var matchText = space < 0 ? spec.Trim() : spec.Trim()[..space];
        string[] phrases = space < 0 ? [] : [.. spec.Trim()[(space + 1)..].Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        problem = !Enum.TryParse<KeywordMatch>(matchText, ignoreCase: true, out var match) || int.TryParse(matchText, out _) ? "匹配方式须是 exact、contains 或 key"
            : phrases.Length == 0 ? "至少需要一个触发词"
            : phrases.Any(phrase => phrase.Length > 64) ? "每个触发词最多 64 个字"
            : string.IsNullOrWhiteSpace(reply) ? "回复内容不能为空"
            : Encoding.UTF8.GetByteCount(reply.Trim()) > MaxReplyBytes ? "回复内容超过微信单条消息的 2048 字节"
            : "";
        return problem.Length == 0 ? new KeywordRule("", match, phrases, reply.Trim()) : null;
    }

    /// <summary>The form the admin commands show and <c>test_keyword</c> names.</summary>
    public string Describe() => $"[{Id}] {Match.ToString().ToLowerInvariant()} {string.Join('，', Phrases)} → {ShortText.Of(Reply, 30)}";
}
