using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Model;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Answers one question in the context of the follower's conversation: reads the history, fits it to the token
/// budget, streams the model's answer and stores both turns.
/// </summary>
internal sealed class AssistantDialog(
    IChatClient chatClient,
    IConversationStore store,
    TokenCounter tokenCounter,
    IOptions<ConversationOptions> options,
    ILogger<AssistantDialog> logger)
{
    /// <summary>When the API rejects the prompt as too long anyway, the retry keeps only this share of the budget.</summary>
    private const int TrimHarderDivisor = 4;

    /// <summary>
    /// Far longer than anything typed into WeChat's chat box. It bounds the tokenizer, whose BPE merge is quadratic in
    /// the length of an unbroken run of letters: 4000 CJK characters take about 50 ms, 64000 take 10 s.
    /// </summary>
    public const int MaxQuestionCharacters = 4000;

    private readonly PromptPart _systemPrompt = PromptPart.Count(options.Value.SystemPrompt, tokenCounter);

    public async Task<DialogOutcome> AnswerAsync(string followerId, string question, CancellationToken cancellationToken)
    {
        if (question.Length > MaxQuestionCharacters)
        {
            return DialogOutcome.Failed(FollowerTexts.QuestionTooLong);
        }

        var maxTokens = options.Value.MaxContextTokens;
        var questionPart = PromptPart.Count(question, tokenCounter);

        IReadOnlyList<ConversationTurn> history;
        try
        {
            history = await store.ReadRecentAsync(followerId, maxTokens - _systemPrompt.TokenCount - questionPart.TokenCount, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage faults surface as RequestFailedException, credential faults as AuthenticationFailedException, and so on.
            ConversationLog.HistoryUnavailable(logger, exception);
            return DialogOutcome.Failed(FollowerTexts.StorageUnavailable);
        }

        string answer;
        try
        {
            answer = await CompleteAsync(ContextWindow.Build(_systemPrompt, history, questionPart, maxTokens), cancellationToken);
        }
        catch (Exception exception) when (ModelErrors.IsContextLengthExceeded(exception))
        {
            ConversationLog.ContextLengthExceeded(logger, maxTokens);
            try
            {
                answer = await CompleteAsync(ContextWindow.Build(_systemPrompt, history, questionPart, maxTokens / TrimHarderDivisor), cancellationToken);
            }
            catch (Exception retryException) when (ModelErrors.IsContextLengthExceeded(retryException))
            {
                return DialogOutcome.Failed(FollowerTexts.QuestionTooLong);
            }
            catch (Exception retryException) when (!cancellationToken.IsCancellationRequested)
            {
                ConversationLog.ModelUnavailable(logger, retryException);
                return DialogOutcome.Failed(FollowerTexts.ModelUnavailable);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the API, the network or the SDK throws, the follower gets an apology rather than WeChat's fault page.
            ConversationLog.ModelUnavailable(logger, exception);
            return DialogOutcome.Failed(FollowerTexts.ModelUnavailable);
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return DialogOutcome.Failed(FollowerTexts.EmptyAnswer);
        }

        await StoreAsync(followerId, questionPart, answer, cancellationToken);
        return DialogOutcome.Answered(answer);
    }

    private async Task<string> CompleteAsync(List<ChatMessage> prompt, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        await foreach (var update in chatClient.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken))
        {
            answer.Append(update.Text);
        }

        return answer.ToString().Trim();
    }

    /// <summary>The answer reaches the follower even when storing it fails; only the context for later questions is lost.</summary>
    private async Task StoreAsync(string followerId, PromptPart question, string answer, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendExchangeAsync(
                followerId,
                new ConversationTurn(ConversationRole.User, question.Content, question.TokenCount),
                new ConversationTurn(ConversationRole.Assistant, answer, tokenCounter.CountMessage(answer)),
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.HistoryNotStored(logger, exception);
        }
    }
}
