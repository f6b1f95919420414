using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>What the knowledge base adds to a question: the prompt with the passages in it, or the reply instead of an answer.</summary>
/// <param name="Refusal">In <c>only</c> mode, what the follower gets when no passage matched or the search failed.</param>
/// <param name="EmbeddingTokens">What embedding the question cost.</param>
internal sealed record Grounding(Prompt Prompt, IReadOnlyList<KnowledgePassage> Passages, long EmbeddingTokens, string? Refusal = null)
{
    public static Grounding None(Prompt prompt) => new(prompt, [], 0);

    /// <summary>The sources line for the finished answer, naming the passages it drew on; empty when it drew on none.</summary>
    public string SourcesFor(string answer) => Passages.Count == 0 ? "" : KnowledgeSources.LineFor(answer, Passages);
}
