using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Paging;

/// <summary>
/// Recognises a follower asking for the next page: the configured keyword, or 继续, continue or c in any case, with or
/// without closing punctuation.
/// </summary>
internal sealed class ContinueKeywords(IOptions<ReplyWindowOptions> options)
{
    private static readonly string[] AlwaysAccepted = [ReplyWindowOptions.DefaultContinueKeyword, "continue", "c"];

    public bool Matches(string content)
    {
        // Voice transcripts end with a full stop, and some followers type one.
        var word = content.Trim().TrimEnd('。', '.', '！', '!', '？', '?').Trim();
        return word.Equals(options.Value.ContinueKeyword, StringComparison.OrdinalIgnoreCase)
            || AlwaysAccepted.Contains(word, StringComparer.OrdinalIgnoreCase);
    }
}
