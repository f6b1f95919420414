using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>What the knowledge base adds to a question: the prompt with the passages in it, or the reply instead of an answer.</summary>
/// <param name="Refusal">In <c>only</c> mode, what the follower gets when no passage matched or the search failed.</param>
/// <param name="EmbeddingTokens">What embedding the question cost.</param>
/// <param name="Footnote">A line for the end of the answer about other material in the prompt, such as a shared article that could not be read.</param>
internal sealed record Grounding(Prompt Prompt, IReadOnlyList<KnowledgePassage> Passages, long EmbeddingTokens, string? Refusal = null, string Footnote = "")
{
    public static Grounding None(Prompt prompt) => new(prompt, [], 0);

    /// <summary>
    /// What follows the finished answer: the sources line naming the passages it drew on, if any, and the footnote;
    /// empty when there is neither.
    /// </summary>
    public string SourcesFor(string answer) => (Passages.Count == 0 ? "" : KnowledgeSources.LineFor(answer, Passages)) + Footnote;
}
