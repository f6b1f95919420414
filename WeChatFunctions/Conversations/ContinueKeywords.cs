using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>Recognises a follower asking for the next page: the configured keyword, or 继续, continue or c in any case.</summary>
internal sealed class ContinueKeywords(IOptions<ReplyWindowOptions> options)
{
    private static readonly string[] AlwaysAccepted = [ReplyWindowOptions.DefaultContinueKeyword, "continue", "c"];

    public bool Matches(string content)
    {
        var word = content.Trim();
        return word.Equals(options.Value.ContinueKeyword, StringComparison.OrdinalIgnoreCase)
            || AlwaysAccepted.Contains(word, StringComparer.OrdinalIgnoreCase);
    }
}
