namespace WeChatFunctions.Dialog;

/// <summary>
/// Counts tokens with the o200k_base encoding used by the GPT-4o family. Other OpenAI-compatible models tokenize
/// differently, but within a few percent for Chinese and English, which the budget's margin absorbs.
/// </summary>
internal sealed class TokenCounter
{
    /// <summary>Each chat message costs its content plus about three tokens of framing and one for the role.</summary>
    public const int PerMessageOverhead = 4;

    /// <summary>Every reply is primed with <c>&lt;|start|&gt;assistant&lt;|message|&gt;</c>.</summary>
    public const int ReplyPriming = 3;

    private readonly O200kEncoding _encoding = new(O200kVocabulary.Load());

    public int CountMessage(string content) => PerMessageOverhead + CountText(content);

    /// <summary>The tokens of <paramref name="text"/> alone, as an embedding request counts them.</summary>
    public int CountText(string text) => _encoding.Leading(text, int.MaxValue).Tokens;

    /// <summary>The longest start of <paramref name="text"/> that counts at most <paramref name="maxTokens"/> tokens.</summary>
    public string Leading(string text, int maxTokens) =>
        maxTokens <= 0 ? "" : text[.._encoding.Leading(text, maxTokens).Characters];
}
