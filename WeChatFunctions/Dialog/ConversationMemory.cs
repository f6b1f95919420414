using Microsoft.Extensions.Options;
using WeChatFunctions.Images;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Dialog;

/// <summary>
/// What the dialog knows of a follower: their preferences, their pending image and the current session's history,
/// read for a question and written back once its answer may be shown.
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

    private readonly PromptPart _systemPrompt = PromptPart.Count(options.Value.SystemPrompt, tokenCounter);

    /// <summary>The prompt for <paramref name="question"/>, with as much history as the token budget leaves room for.</summary>
    /// <exception cref="Exception">Storage faults surface as RequestFailedException, credential faults as AuthenticationFailedException, and so on.</exception>
    public async Task<Prompt> RecallAsync(string followerId, string question, CancellationToken cancellationToken)
    {
        var personal = await preferences.GetAsync(followerId, cancellationToken);
        var image = await FindFreshImageAsync(followerId, cancellationToken);
        var questionPart = PromptPart.Count(question, tokenCounter);
        questionPart = image is null ? questionPart : questionPart with { TokenCount = questionPart.TokenCount + ImageTokens };
        var system = SystemPromptOf(personal);
        var stored = await store.ReadRecentAsync(followerId, options.Value.MaxContextTokens - system.TokenCount - questionPart.TokenCount, cancellationToken);
        var history = CurrentSession.Of(stored, timeProvider.GetUtcNow(), TimeSpan.FromMinutes(options.Value.SessionIdleMinutes));
        return new Prompt(system, history, questionPart, image, personal);
    }

    /// <summary>
    /// Stores the exchange as context for later questions, and lets go of the image it answered. The answer reaches
    /// the follower even when this fails; only the context is lost.
    /// </summary>
    public async Task RememberAsync(DialogExchange exchange, CancellationToken cancellationToken)
    {
        var question = exchange.UsedImage ? exchange.Question with { Content = ImagePlaceholder + exchange.Question.Content } : exchange.Question;
        try
        {
            await store.AppendExchangeAsync(
                exchange.FollowerId,
                new ConversationTurn(ConversationRole.User, question.Content, question.TokenCount),
                new ConversationTurn(ConversationRole.Assistant, exchange.Answer, exchange.AnswerTokens),
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            DialogLog.HistoryNotStored(logger, exception);
        }

        if (exchange.UsedImage)
        {
            await ForgetImageAsync(exchange.FollowerId, cancellationToken);
        }
    }

    /// <summary>The follower's own system prompt (/prompt), or the account's.</summary>
    private PromptPart SystemPromptOf(FollowerPreferences personal) =>
        personal.SystemPrompt is { } own ? PromptPart.Count(own, tokenCounter) : _systemPrompt;

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
            DialogLog.PendingImageNotDeleted(logger, exception);
        }
    }
}
