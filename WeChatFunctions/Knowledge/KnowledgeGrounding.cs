using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Finds the passages for a question, with <c>knowledge_top_k</c> and <c>knowledge_min_score</c>, and puts them before
/// the question as quoted material, with the instruction of <c>knowledge_mode</c> in the system prompt. In <c>only</c> mode a question nothing matches
/// gets a fixed reply instead of a model call; in <c>prefer</c> mode it is answered from general knowledge, and so is
/// every question while the knowledge base cannot be searched.
/// </summary>
internal sealed class KnowledgeGrounding(
    KnowledgeEmbedder embedder,
    IPassageIndex index,
    TokenCounter tokenCounter,
    IOptions<KnowledgeOptions> options,
    IOptions<ConversationOptions> conversationOptions,
    ILogger<KnowledgeGrounding> logger)
{
    /// <summary>
    /// What the question may cost beyond its prompt without the passages: the rest of the context window, which the
    /// passages may fill, and embedding the question. It is held from the quota before the passages are found.
    /// </summary>
    public long TokensToReserve(Prompt prompt)
    {
        var maxTokens = conversationOptions.Value.MaxContextTokens;
        return options.Value.IsEnabled && prompt.Image is null ? Math.Max(0, maxTokens - prompt.TokenBound(maxTokens)) + prompt.Question.TokenCount : 0;
    }

    public async Task<Grounding> GroundAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        var knowledge = options.Value;
        // An image question is about the image; the passages would only crowd it.
        if (!knowledge.IsEnabled || prompt.Image is not null)
        {
            return Grounding.None(prompt);
        }

        var only = knowledge.Mode == KnowledgeOptions.Only;
        long tokens = 0;
        IReadOnlyList<KnowledgePassage> found;
        try
        {
            var (vectors, used) = await embedder.EmbedAsync([prompt.Question.Content], cancellationToken);
            tokens = used;
            found = [.. (await index.SearchAsync(prompt.Question.Content, vectors[0], knowledge.TopK, cancellationToken)).Where(passage => passage.Score >= knowledge.MinScore)];
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            KnowledgeLog.SearchFailed(logger, exception);
            return new Grounding(prompt, [], tokens, only ? KnowledgeTexts.Unavailable : null);
        }

        var instruction = only ? KnowledgeTexts.OnlyInstruction : KnowledgeTexts.PreferInstruction;
        var system = prompt.System.Followed(new PromptPart(instruction, tokenCounter.CountText(instruction)));
        var room = conversationOptions.Value.MaxContextTokens - TokenCounter.ReplyPriming - system.TokenCount - prompt.Question.TokenCount
            - (prompt.AnswerSoFar?.TokenCount ?? 0) - (prompt.Facts?.TokenCount ?? 0);
        var (material, included) = KnowledgePrompt.Of(found, room, tokenCounter);
        if (material is null)
        {
            return new Grounding(prompt, [], tokens, only ? KnowledgeTexts.NothingFound : null);
        }

        return new Grounding(prompt with { System = system, Material = material }, included, tokens);
    }
}
