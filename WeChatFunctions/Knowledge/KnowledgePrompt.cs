using System.Text;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// The passages as the system prompt gives them to the model: numbered, each under its article's title and link. Only
/// as many as fit the tokens left beside the system prompt and the question; the history is trimmed before them.
/// </summary>
internal static class KnowledgePrompt
{
    /// <returns>The prompt text, or <see langword="null"/> when no passage fits, and the passages it holds.</returns>
    public static (PromptPart? Part, IReadOnlyList<KnowledgePassage> Included) Of(
        IReadOnlyList<KnowledgePassage> passages, string instruction, int maxTokens, TokenCounter counter)
    {
        var text = new StringBuilder(instruction);
        var tokens = counter.CountText(instruction);
        var included = new List<KnowledgePassage>();
        foreach (var passage in passages)
        {
            var block = $"\n\n[{included.Count + 1}]《{passage.Title}》{(KnowledgeDocument.Link(passage.Source) is { } link ? " " + link : "")}\n{passage.Chunk.Text}";
            var blockTokens = counter.CountText(block);
            if (tokens + blockTokens > maxTokens)
            {
                break;
            }

            text.Append(block);
            tokens += blockTokens;
            included.Add(passage);
        }

        return (included.Count == 0 ? null : new PromptPart(text.ToString(), tokens), included);
    }
}
