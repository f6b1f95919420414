using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Links;

/// <summary>
/// Puts the article a follower shared within <see cref="SharedLink.Lifetime"/> before their question: the answer to
/// the link itself (「请总结这篇文章」) and to the questions that follow it. The page is read while the answer
/// generates, on whichever instance generates it, so a slow page costs the follower a holding reply rather than
/// WeChat's window. A page that cannot be read leaves the title and description, and a note after the answer.
/// </summary>
internal sealed class SharedArticles(
    ISharedLinkStore store,
    LinkReader reader,
    TokenCounter tokenCounter,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> conversationOptions,
    ILogger<SharedArticles> logger)
{
    /// <summary>
    /// How long the page may take: long enough for a slow site, short enough that the model can still answer within
    /// WeChat's window, so that the follower rarely needs 「继续」.
    /// </summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(8);

    /// <summary>The share of the room beside the system prompt and the question the article may take; the recent turns keep the rest.</summary>
    private const double ArticleShare = 0.75;

    /// <returns>The follower's fresh shared link, or <see langword="null"/>; a storage fault is logged and costs only the article.</returns>
    public async Task<SharedLink?> RecallAsync(string followerId, CancellationToken cancellationToken)
    {
        try
        {
            var link = await store.FindAsync(followerId, cancellationToken);
            return link is not null && link.IsFreshAt(timeProvider.GetUtcNow()) ? link : null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LinksLog.SharedLinkUnavailable(logger, exception);
            return null;
        }
    }

    /// <summary>What the question may cost beyond its prompt without the article: the rest of the context window, which the article may fill.</summary>
    public long TokensToReserve(SharedLink? link, Prompt prompt)
    {
        var maxTokens = conversationOptions.Value.MaxContextTokens;
        return link is null || prompt.Image is not null ? 0 : Math.Max(0, maxTokens - prompt.TokenBound(maxTokens));
    }

    /// <summary>The grounding with the article read and added to its quoted material, after any knowledge passages.</summary>
    public async Task<Grounding> AddAsync(SharedLink? link, Grounding grounding, CancellationToken cancellationToken)
    {
        // An image question is about the image; a refused question gets no model call to give the article to.
        if (link is null || grounding.Refusal is not null || grounding.Prompt.Image is not null)
        {
            return grounding;
        }

        var reading = await reader.ReadAsync(link.Url, ReadTimeout, cancellationToken);
        var prompt = grounding.Prompt;
        var instruction = prompt.System.Content.Contains(QuotedMaterial.Instruction, StringComparison.Ordinal)
            ? LinkTexts.Instruction
            : LinkTexts.Instruction + QuotedMaterial.Instruction;
        var system = prompt.System.Followed(new PromptPart(instruction, tokenCounter.CountText(instruction)));
        var room = conversationOptions.Value.MaxContextTokens - TokenCounter.ReplyPriming - system.TokenCount - prompt.Question.TokenCount
            - (prompt.AnswerSoFar?.TokenCount ?? 0) - (prompt.Material?.TokenCount ?? 0);
        var article = SharedArticlePrompt.Of(link, reading, (int)(room * ArticleShare), tokenCounter);
        return grounding with
        {
            Prompt = prompt with { System = system, Material = prompt.Material is { } passages ? passages.Followed(article) : article },
            Footnote = reading.Article is null ? LinkTexts.SummaryOnlyNote(reading.Failure) : grounding.Footnote,
        };
    }
}
