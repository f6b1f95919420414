using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Model;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Dialog;

/// <summary>
/// Answers one question in the context of the follower's conversation: recalls the history, fits it to the token
/// budget and streams the model's answer. The caller remembers the exchange once the answer may be shown.
/// </summary>
internal sealed class AssistantDialog(
    ModelRounds rounds,
    ToolCatalog toolCatalog,
    ToolCalls toolCalls,
    IOptions<ToolOptions> toolOptions,
    ConversationMemory memory,
    TokenCounter tokenCounter,
    IOptions<ConversationOptions> options,
    IOptions<ModelOptions> modelOptions,
    TimeProvider timeProvider,
    ILogger<AssistantDialog> logger)
{
    /// <summary>When the API rejects the prompt as too long anyway, the retry keeps only this share of the budget.</summary>
    private const int TrimHarderDivisor = 4;

    /// <summary>
    /// The longest question the dialog takes; the handler answers longer ones itself, before claiming them.
    /// Far longer than anything typed into WeChat's chat box. It bounds the tokenizer, whose BPE merge is quadratic in
    /// the length of an unbroken run of letters: 4000 CJK characters take about 50 ms, 64000 take 10 s.
    /// </summary>
    public const int MaxQuestionCharacters = 4000;

    /// <summary>Recalls what the question is asked with: the follower's history, preferences and pending image.</summary>
    /// <returns>The prompt, or <see langword="null"/> when storage failed; the failure is logged.</returns>
    public async Task<Prompt?> RecallAsync(DialogQuestion question, CancellationToken cancellationToken)
    {
        try
        {
            var prompt = await memory.RecallAsync(question.FollowerId, question.Text, question.Known is { } known ? await known : null, cancellationToken);
            return question.AnswerSoFar.Length > 0 ? prompt with { AnswerSoFar = PromptPart.Count(question.AnswerSoFar, tokenCounter) } : prompt;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            DialogLog.HistoryUnavailable(logger, exception);
            return null;
        }
    }

    /// <summary>The most the model call for <paramref name="prompt"/> can cost: the prompt as sent, plus <c>max_answer_tokens</c>.</summary>
    public long TokensToReserve(Prompt prompt) => prompt.TokenBound(options.Value.MaxContextTokens) + modelOptions.Value.MaxAnswerTokens;

    /// <param name="prompt">What <see cref="RecallAsync"/> recalled for <paramref name="question"/>.</param>
    /// <param name="onText">Receives the answer's text as it streams.</param>
    /// <param name="deadline">Transient model failures are retried only while a retry can finish before this.</param>
    public async Task<DialogOutcome> AnswerAsync(
        DialogQuestion question, Prompt prompt, Action<string> onText, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        TimeSpan? firstText = null;
        var answer = new StreamedText(
            text =>
            {
                firstText ??= timeProvider.GetElapsedTime(started);
                onText(text);
            },
            question.AnswerSoFar);
        var interrupted = false;
        var tools = await OpenToolsAsync(question, cancellationToken);
        try
        {
            await StreamAsync(prompt, ChatOptionsOf(prompt).WithDeadline(deadline), answer, tools, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the API, the network or the SDK threw, the follower gets an apology rather than WeChat's fault page.
            DialogLog.ModelUnavailable(logger, exception);
            if (exception is ModelException { Failure: ModelFailure.ContextLengthExceeded })
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

        if (question.AnswerSoFar.Length > 0)
        {
            DialogLog.AnswerContinued(logger, question.AnswerSoFar.Length);
        }

        var timing = interrupted || firstText is not { } first ? null : new ModelTiming(first, timeProvider.GetElapsedTime(started));
        var text = answer.ToString();
        var answerTokens = tokenCounter.CountMessage(text);
        // Without the API's usage (some compatible servers omit it), the completion is counted here and the prompt is unknown.
        var usage = new TokenUsage(answer.Usage?.InputTokenCount ?? 0, answer.Usage?.OutputTokenCount ?? answerTokens);
        var exchange = new DialogExchange(question.FollowerId, prompt.Question, text, answerTokens, UsedImage: prompt.Image is not null);
        return DialogOutcome.Answered(exchange, usage, interrupted, timing) with { Footnotes = tools?.Ledger.Footnotes ?? [], Media = tools?.Ledger.Media };
    }

    /// <summary>
    /// The turns to store with the finished answer, for an answer that may be shown; a withheld answer never becomes
    /// context for later ones.
    /// </summary>
    public static RememberedExchange TurnsOf(DialogExchange exchange) => ConversationMemory.TurnsOf(exchange);

    /// <summary>Once the exchange is stored, lets go of the image it answered.</summary>
    public Task ForgetImageOfAsync(DialogExchange exchange, CancellationToken cancellationToken) => memory.ForgetImageOfAsync(exchange, cancellationToken);

    private async Task StreamAsync(Prompt prompt, ChatOptions chatOptions, StreamedText answer, ToolSession? tools, CancellationToken cancellationToken)
    {
        var maxTokens = options.Value.MaxContextTokens;
        try
        {
            await rounds.StreamAsync(prompt.Build(maxTokens, tools?.Ledger.Calls), chatOptions, answer, tools, cancellationToken);
        }
        catch (ModelException exception) when (exception.Failure == ModelFailure.ContextLengthExceeded)
        {
            // Our token count and the API's differ (another tokenizer, hidden overhead): try once with much less history.
            DialogLog.ContextLengthExceeded(logger, maxTokens);
            await rounds.StreamAsync(prompt.Build(maxTokens / TrimHarderDivisor, tools?.Ledger.Calls), chatOptions, answer, tools, cancellationToken);
        }
    }

    /// <summary>
    /// The tools for this answer and the ledger of its calls, or <see langword="null"/> when none are offered. When the
    /// calls recorded before a takeover cannot be read, the answer goes without tools rather than risk running one twice.
    /// </summary>
    private async Task<ToolSession?> OpenToolsAsync(DialogQuestion question, CancellationToken cancellationToken)
    {
        if (toolCatalog.Tools is not { Count: > 0 } tools)
        {
            return null;
        }

        try
        {
            var ledger = await toolCalls.OpenAsync(new ToolQuestion(question.FollowerId, question.MessageId, question.FirstArrival, question.Generation), cancellationToken);
            return new ToolSession(ledger, tools, toolOptions.Value.MaxToolRounds);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            DialogLog.ToolCallsUnavailable(logger, exception);
            return null;
        }
    }

    /// <summary>
    /// The vision model for a question about an image; otherwise the follower's model (/model) while the operator
    /// still allows it, and their temperature (/temperature). Unset values leave the client's defaults.
    /// </summary>
    private ChatOptions ChatOptionsOf(Prompt prompt) => new()
    {
        ModelId = prompt.Image is not null ? modelOptions.Value.VisionModel
            : prompt.Preferences.Model is { } chosen && modelOptions.Value.AllowedModelList.Contains(chosen) ? chosen
            : null,
        Temperature = prompt.Preferences.Temperature is { } temperature ? (float)temperature : null,
        MaxOutputTokens = modelOptions.Value.MaxAnswerTokens,
    };
}
