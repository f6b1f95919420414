using Microsoft.Extensions.Options;
using Microsoft.Extensions.AI;
using WeChatFunctions.Model;
using WeChatFunctions.Moderation;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Answers one question in the context of the follower's conversation: reads the history, fits it to the token
/// budget, streams the model's answer and stores both turns.
/// </summary>
internal sealed class AssistantDialog(
    ChatStream chatStream,
    IConversationStore store,
    IPendingImageStore images,
    IPreferenceStore preferences,
    TokenCounter tokenCounter,
    ContentModeration moderation,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    IOptions<ModelOptions> modelOptions,
    ILogger<AssistantDialog> logger)
{
    /// <summary>What an image costs in the prompt: OpenAI bills a 1024×1024 image at high detail as 765 tokens.</summary>
    private const int ImageTokens = 765;

    /// <summary>Stands in for the image in the stored history, which keeps no image bytes.</summary>
    private const string ImagePlaceholder = "[图片] ";

    /// <summary>When the API rejects the prompt as too long anyway, the retry keeps only this share of the budget.</summary>
    private const int TrimHarderDivisor = 4;

    /// <summary>
    /// The longest question the dialog takes; the handler answers longer ones itself, before claiming them.
    /// Far longer than anything typed into WeChat's chat box. It bounds the tokenizer, whose BPE merge is quadratic in
    /// the length of an unbroken run of letters: 4000 CJK characters take about 50 ms, 64000 take 10 s.
    /// </summary>
    public const int MaxQuestionCharacters = 4000;

    private readonly PromptPart _systemPrompt = PromptPart.Count(options.Value.SystemPrompt, tokenCounter);

    /// <param name="onText">Receives the answer's text as it streams.</param>
    /// <param name="retryUntil">Transient model failures are retried only while a retry can finish before this.</param>
    public async Task<DialogOutcome> AnswerAsync(
        string followerId, string question, Action<string> onText, DateTimeOffset retryUntil, CancellationToken cancellationToken)
    {
        var maxTokens = options.Value.MaxContextTokens;
        IReadOnlyList<ConversationTurn> history;
        PendingImage? image;
        PromptPart questionPart;
        FollowerPreferences personal;
        try
        {
            personal = await preferences.GetAsync(followerId, cancellationToken);
            image = await FindFreshImageAsync(followerId, cancellationToken);
            questionPart = PromptPart.Count(question, tokenCounter);
            questionPart = image is null ? questionPart : questionPart with { TokenCount = questionPart.TokenCount + ImageTokens };
            var stored = await store.ReadRecentAsync(followerId, maxTokens - SystemPromptOf(personal).TokenCount - questionPart.TokenCount, cancellationToken);
            history = CurrentSession.Of(stored, timeProvider.GetUtcNow(), TimeSpan.FromMinutes(options.Value.SessionIdleMinutes));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage faults surface as RequestFailedException, credential faults as AuthenticationFailedException, and so on.
            ConversationLog.HistoryUnavailable(logger, exception);
            return DialogOutcome.Failed(FollowerTexts.StorageUnavailable);
        }

        var answer = new StreamedText(onText);
        var interrupted = false;
        try
        {
            await StreamAsync(new Prompt(SystemPromptOf(personal), history, questionPart, image), ChatOptionsOf(personal, image), answer, retryUntil, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the API, the network or the SDK throws, the follower gets an apology rather than WeChat's fault page.
            ConversationLog.ModelUnavailable(logger, exception);
            if (ModelErrors.IsContextLengthExceeded(exception))
            {
                return DialogOutcome.Failed(FollowerTexts.QuestionTooLong);
            }

            if (answer.IsEmpty)
            {
                return DialogOutcome.ModelFailed(FollowerTexts.ModelUnavailable);
            }

            interrupted = true;
        }

        if (answer.IsEmpty)
        {
            return DialogOutcome.Failed(FollowerTexts.EmptyAnswer);
        }

        var text = answer.ToString();
        var answerTokens = tokenCounter.CountMessage(text);
        // Without the API's usage (some compatible servers omit it), the completion is counted here and the prompt is unknown.
        var usage = new TokenUsage(answer.Usage?.InputTokenCount ?? 0, answer.Usage?.OutputTokenCount ?? answerTokens);
        var verdict = await moderation.CheckAsync(text, cancellationToken);
        if (verdict != ModerationVerdict.Passed)
        {
            // Nor is it stored, so it never becomes context for later answers.
            var blocked = verdict == ModerationVerdict.Blocked;
            return DialogOutcome.Withheld(blocked ? FollowerTexts.AnswerBlocked : FollowerTexts.ModerationUnavailable, usage, blocked);
        }

        await StoreAsync(followerId, image is null ? questionPart : questionPart with { Content = ImagePlaceholder + questionPart.Content }, text, answerTokens, cancellationToken);
        if (image is not null)
        {
            await ForgetImageAsync(followerId, cancellationToken);
        }

        return DialogOutcome.Answered(text, usage, interrupted);
    }

    private async Task StreamAsync(Prompt prompt, ChatOptions chatOptions, StreamedText answer, DateTimeOffset retryUntil, CancellationToken cancellationToken)
    {
        var maxTokens = options.Value.MaxContextTokens;
        try
        {
            await chatStream.StreamAsync(prompt.Build(maxTokens), chatOptions, answer, retryUntil, cancellationToken);
        }
        catch (Exception exception) when (ModelErrors.IsContextLengthExceeded(exception))
        {
            // Our token count and the API's differ (another tokenizer, hidden overhead): try once with much less history.
            ConversationLog.ContextLengthExceeded(logger, maxTokens);
            await chatStream.StreamAsync(prompt.Build(maxTokens / TrimHarderDivisor), chatOptions, answer, retryUntil, cancellationToken);
        }
    }

    /// <summary>The follower's own system prompt (/prompt), or the account's.</summary>
    private PromptPart SystemPromptOf(FollowerPreferences personal) =>
        personal.SystemPrompt is { } own ? PromptPart.Count(own, tokenCounter) : _systemPrompt;

    /// <summary>
    /// The vision model for a question about an image; otherwise the follower's model (/model) while the operator
    /// still allows it, and their temperature (/temperature). Unset values leave the client's defaults.
    /// </summary>
    private ChatOptions ChatOptionsOf(FollowerPreferences personal, PendingImage? image) => new()
    {
        ModelId = image is not null ? modelOptions.Value.VisionModel
            : personal.Model is { } chosen && modelOptions.Value.AllowedModelList.Contains(chosen) ? chosen
            : null,
        Temperature = personal.Temperature is { } temperature ? (float)temperature : null,
        MaxOutputTokens = modelOptions.Value.MaxAnswerTokens,
    };

    private sealed record Prompt(PromptPart System, IReadOnlyList<ConversationTurn> History, PromptPart Question, PendingImage? Image)
    {
        public List<ChatMessage> Build(int maxTokens) => ContextWindow.Build(System, History, Question, maxTokens, Image);
    }

    /// <summary>The follower's image, when it came within <see cref="PendingImage.Lifetime"/>; a stale one is ignored and left to be replaced.</summary>
    private async Task<PendingImage?> FindFreshImageAsync(string followerId, CancellationToken cancellationToken)
    {
        var image = await images.FindAsync(followerId, cancellationToken);
        return image is not null && image.IsFreshAt(timeProvider.GetUtcNow()) ? image : null;
    }

    /// <summary>An image answers one question; a failure to delete it only means the next question may see it too.</summary>
    private async Task ForgetImageAsync(string followerId, CancellationToken cancellationToken)
    {
        try
        {
            await images.DeleteAsync(followerId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.PendingImageNotDeleted(logger, exception);
        }
    }

    /// <summary>The answer reaches the follower even when storing it fails; only the context for later questions is lost.</summary>
    private async Task StoreAsync(string followerId, PromptPart question, string answer, int answerTokens, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendExchangeAsync(
                followerId,
                new ConversationTurn(ConversationRole.User, question.Content, question.TokenCount),
                new ConversationTurn(ConversationRole.Assistant, answer, answerTokens),
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.HistoryNotStored(logger, exception);
        }
    }
}
