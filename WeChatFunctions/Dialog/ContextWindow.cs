using Microsoft.Extensions.AI;
using WeChatFunctions.Images;

namespace WeChatFunctions.Dialog;

/// <summary>
/// Builds the prompt: the system prompt, the facts remembered about the follower if any, as much recent history as
/// fits the token budget, quoted material for the question if any, and the new question.
/// History is dropped oldest-first, using the token count stored with each turn, so trimming costs no tokenizing.
/// </summary>
internal static class ContextWindow
{
    /// <param name="image">An image the question is about, sent beside it as a data URL part.</param>
    /// <param name="material">Fenced text from strangers, a user message of its own, never part of the system prompt.</param>
    /// <param name="facts">
    /// The remembered facts, fenced like <paramref name="material"/>, in a user message right after the system prompt:
    /// they hold for the whole conversation, not for this question alone.
    /// </param>
    public static List<ChatMessage> Build(
        PromptPart system, IReadOnlyList<ConversationTurn> historyNewestFirst, PromptPart question, int maxTokens, PendingImage? image = null, PromptPart? material = null,
        PromptPart? facts = null)
    {
        var remaining = maxTokens - TokenCounter.ReplyPriming - system.TokenCount - question.TokenCount - (material?.TokenCount ?? 0) - (facts?.TokenCount ?? 0);
        var kept = 0;
        while (kept < historyNewestFirst.Count && historyNewestFirst[kept].TokenCount <= remaining)
        {
            remaining -= historyNewestFirst[kept].TokenCount;
            kept++;
        }

        // A history that opens with an answer whose question was trimmed away confuses the model; drop it too.
        while (kept > 0 && historyNewestFirst[kept - 1].Role == ConversationRole.Assistant)
        {
            kept--;
        }

        var messages = new List<ChatMessage>(kept + 4) { new(ChatRole.System, system.Content) };
        if (facts is not null)
        {
            messages.Add(new ChatMessage(ChatRole.User, facts.Content));
        }

        for (var index = kept - 1; index >= 0; index--)
        {
            var turn = historyNewestFirst[index];
            messages.Add(new ChatMessage(turn.Role == ConversationRole.User ? ChatRole.User : ChatRole.Assistant, turn.Content));
        }

        if (material is not null)
        {
            messages.Add(new ChatMessage(ChatRole.User, material.Content));
        }

        messages.Add(image is null
            ? new ChatMessage(ChatRole.User, question.Content)
            : new ChatMessage(ChatRole.User, [new TextContent(question.Content), new DataContent(image.Bytes, image.MediaType)]));
        return messages;
    }
}
