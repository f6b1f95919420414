using Microsoft.Extensions.Options;
using WeChatFunctions.Images;
using WeChatFunctions.Memory;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Dialog;

/// <summary>
/// What the dialog knows of a follower: their preferences, the facts remembered about them, their pending image and
/// the current session's history, read for a question and written back once its answer may be shown.
/// </summary>
internal sealed class ConversationMemory(
    IConversationStore store,
    IPendingImageStore images,
    IPreferenceStore preferences,
    TokenCounter tokenCounter,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    ILogger<ConversationMemory> logger)
{
    /// <summary>What an image costs in the prompt: OpenAI bills a 1024×1024 image at high detail as 765 tokens.</summary>
    private const int ImageTokens = 765;

    /// <summary>Stands in for the image in the stored history, which keeps no image bytes.</summary>
    private const string ImagePlaceholder = "[图片] ";

    /// <summary>The facts take at most this share of <c>max_context_tokens</c>; the newest are kept.</summary>
    private const int FactsShareDivisor = 4;

    /// <summary>Added to the system prompt when the facts are sent: what they are, and that they are quoted data.</summary>
    private const string FactsInstruction = MemoryTexts.Instruction + QuotedMaterial.Instruction;

    private readonly PromptPart _systemPrompt = PromptPart.Count(options.Value.SystemPrompt, tokenCounter);

    private readonly PromptPart _factsInstruction = new(FactsInstruction, tokenCounter.CountText(FactsInstruction));

    /// <summary>The prompt for <paramref name="question"/>, with as much history as the token budget leaves room for.</summary>
    /// <param name="known">The turns and image as the message read them; without it they are read now.</param>
    /// <exception cref="Exception">Storage faults surface as RequestFailedException, credential faults as AuthenticationFailedException, and so on.</exception>
    public async Task<Prompt> RecallAsync(string followerId, string question, FollowerContext? known, CancellationToken cancellationToken)
    {
        var (personal, remembered) = await preferences.ReadAsync(followerId, cancellationToken);
        var image = known is { ImageStoredApart: false } ? Fresh(known.Image) : await FindFreshImageAsync(followerId, cancellationToken);
        var questionPart = PromptPart.Count(question, tokenCounter);
        questionPart = image is null ? questionPart : questionPart with { TokenCount = questionPart.TokenCount + ImageTokens };
        var facts = FactsOf(remembered);
        var system = facts is null ? SystemPromptOf(personal) : SystemPromptOf(personal).Followed(_factsInstruction);
        var room = options.Value.MaxContextTokens - system.TokenCount - questionPart.TokenCount - (facts?.TokenCount ?? 0);
        var stored = known is null ? await store.ReadRecentAsync(followerId, room, cancellationToken) : Newest(known.Turns, room);
        var history = CurrentSession.Of(stored, timeProvider.GetUtcNow(), TimeSpan.FromMinutes(options.Value.SessionIdleMinutes));
        return new Prompt(system, history, questionPart, image, personal, Facts: facts);
    }

    /// <summary>
    /// The question and answer turns an exchange is remembered as, for the reply claim's completion to store in the
    /// same transaction. A question about an image says so: the history keeps no image bytes.
    /// </summary>
    public static RememberedExchange TurnsOf(DialogExchange exchange)
    {
        var question = exchange.UsedImage ? exchange.Question with { Content = ImagePlaceholder + exchange.Question.Content } : exchange.Question;
        return new RememberedExchange(
            new ConversationTurn(ConversationRole.User, question.Content, question.TokenCount),
            new ConversationTurn(ConversationRole.Assistant, exchange.Answer, exchange.AnswerTokens));
    }

    /// <summary>An image answers one question; a failure to delete it only means the next question may see it too.</summary>
    public async Task ForgetImageOfAsync(DialogExchange exchange, CancellationToken cancellationToken)
    {
        if (!exchange.UsedImage)
        {
            return;
        }

        try
        {
            await images.DeleteAsync(exchange.FollowerId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            DialogLog.PendingImageNotDeleted(logger, exception);
        }
    }

    /// <summary>The follower's own system prompt (/prompt), or the account's.</summary>
    private PromptPart SystemPromptOf(FollowerPreferences personal) =>
        personal.SystemPrompt is { } own ? PromptPart.Count(own, tokenCounter) : _systemPrompt;

    /// <summary>
    /// The remembered facts, oldest first, fenced as quoted material: the model wrote them from what the follower said.
    /// The newest that fit a quarter of the context are sent; the others stay stored.
    /// </summary>
    private PromptPart? FactsOf(IReadOnlyList<RememberedFact> remembered)
    {
        var budget = options.Value.MaxContextTokens / FactsShareDivisor;
        var kept = 0;
        for (var spent = 0; kept < remembered.Count; kept++)
        {
            spent += tokenCounter.CountText(remembered[^(kept + 1)].Text) + 2; // its number and line break
            if (spent > budget)
            {
                break;
            }
        }

        // Numbered as /memory numbers them, so that the model can point the follower at the right one.
        var first = remembered.Count - kept;
        var facts = remembered.Skip(first).Select((fact, index) => $"{first + index + 1}. {fact.Text}");
        return kept == 0 ? null : PromptPart.Count(QuotedMaterial.Fence(MemoryTexts.Source, MemoryTexts.Heading, string.Join('\n', facts)), tokenCounter);
    }

    /// <summary>The follower's image, when it came within <see cref="PendingImage.Lifetime"/>; a stale one is ignored and left to be replaced.</summary>
    private async Task<PendingImage?> FindFreshImageAsync(string followerId, CancellationToken cancellationToken) =>
        Fresh(await images.FindAsync(followerId, cancellationToken));

    private PendingImage? Fresh(PendingImage? image) => image is not null && image.IsFreshAt(timeProvider.GetUtcNow()) ? image : null;

    /// <summary>The newest turns whose token counts fit <paramref name="tokenBudget"/>, as <see cref="IConversationStore.ReadRecentAsync"/> reads them.</summary>
    private static List<ConversationTurn> Newest(IReadOnlyList<ConversationTurn> newestFirst, int tokenBudget)
    {
        var spent = 0;
        return [.. newestFirst.TakeWhile(turn => (spent += turn.TokenCount) <= tokenBudget)];
    }
}
