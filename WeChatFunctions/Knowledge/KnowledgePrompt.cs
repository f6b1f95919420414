using System.Text;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// The passages as the model gets them: a message of their own before the question, each fenced as quoted material
/// (<see cref="QuotedMaterial"/>) under its number, article title and link. Only as many as fit the tokens left
/// beside the system prompt and the question; the history is trimmed before them.
/// </summary>
internal static class KnowledgePrompt
{
    public const string Source = "knowledge";

    /// <returns>The message, or <see langword="null"/> when no passage fits, and the passages it holds.</returns>
    public static (PromptPart? Material, IReadOnlyList<KnowledgePassage> Included) Of(
        IReadOnlyList<KnowledgePassage> passages, int maxTokens, TokenCounter counter)
    {
        var text = new StringBuilder(KnowledgeTexts.MaterialHeading);
        var tokens = TokenCounter.PerMessageOverhead + counter.CountText(KnowledgeTexts.MaterialHeading);
        var included = new List<KnowledgePassage>();
        foreach (var passage in passages)
        {
            var heading = $"[{included.Count + 1}]《{passage.Title}》{(KnowledgeDocument.Link(passage.Source) is { } link ? " " + link : "")}";
            var block = "\n\n" + QuotedMaterial.Fence(Source, heading, passage.Chunk.Text);
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
