using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Links;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Answering;

/// <summary>
/// Streams the model's answer into the live answer as WeChat text, or, with moderation on, holds it back until the
/// whole of it has passed. Only an answer that passed keeps its exchange, to be remembered as context with the
/// finished claim; it ends with the sources line of the knowledge base's passages it drew on and the tools' footnotes.
/// </summary>
internal sealed class AnswerStream(AssistantDialog dialog, AnswerModeration moderation, IOptions<ConversationOptions> conversationOptions)
{
    /// <param name="retryDeadline">Transient model failures are retried only while a retry can finish before this.</param>
    public async Task<DialogOutcome> AnswerAsync(DialogQuestion question, Grounding grounding, LiveAnswer answer, DateTimeOffset retryDeadline, CancellationToken cancellationToken)
    {
        var text = new MarkdownStream(conversationOptions.Value.ConvertsMarkdown);
        var held = moderation.HoldsBackText ? new StringBuilder() : null;
        var outcome = await dialog.AnswerAsync(
            question,
            grounding.Prompt,
            chunk =>
            {
                var converted = text.Append(chunk);
                if (held is null)
                {
                    answer.Append(converted, text.Preview);
                }
                else
                {
                    held.Append(converted);
                }
            },
            retryDeadline,
            cancellationToken);
        outcome = await moderation.ReviewAnswerAsync(outcome, cancellationToken);
        if (outcome is { IsAnswer: true, Exchange: { } exchange })
        {
            // The blocks still open at the end are closed; held text is released only now that it has passed.
            answer.Append(held?.ToString() + text.Finish() + grounding.SourcesFor(exchange.Answer) + FollowerTexts.Footnotes(outcome.Footnotes));
        }

        return outcome;
    }
}
