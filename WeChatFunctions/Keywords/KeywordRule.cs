using System.Text;
using WeChatFunctions.Text;

namespace WeChatFunctions.Keywords;

/// <summary>An operator's own reply: to messages that match its phrases, or to menu clicks and follows with its keys.</summary>
/// <param name="Id">A short id for <c>remove_keyword</c>; rules from <c>keywords_file</c> get one from their content.</param>
internal sealed record KeywordRule(string Id, KeywordMatch Match, IReadOnlyList<string> Phrases, string Reply)
{
    public const int MaxReplyBytes = Utf8Pages.WeChatTextLimitBytes;

    /// <summary>Whether <paramref name="text"/> fires the rule; <paramref name="text"/> and the phrases are compared folded.</summary>
    public bool Matches(string text, KeywordMatch kind)
    {
        if (kind == KeywordMatch.Key)
        {
            return Match == KeywordMatch.Key && Phrases.Any(phrase => string.Equals(phrase, text.Trim(), StringComparison.Ordinal));
        }

        var folded = Fold(text);
        return Match switch
        {
            KeywordMatch.Exact => Phrases.Any(phrase => string.Equals(Fold(phrase), folded, StringComparison.Ordinal)),
            KeywordMatch.Contains => Phrases.Any(phrase => folded.Contains(Fold(phrase), StringComparison.Ordinal)),
            _ => false,
        };
    }

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

    private static string Fold(string text) => WidthFolding.Fold(text.Trim()).ToUpperInvariant();
}
