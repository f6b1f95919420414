using Microsoft.Extensions.AI;
using WeChatFunctions.Images;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Dialog;

/// <summary>What one question is asked with: the system prompt, the current session's history, the question and its image.</summary>
/// <param name="AnswerSoFar">The start of the answer, written by an instance that died, for the model to continue.</param>
/// <param name="Material">Quoted material for this question (<see cref="QuotedMaterial"/>), a message of its own before it.</param>
/// <param name="Facts">
/// The facts remembered about the follower, quoted material too, a message of its own after the system prompt. Apart
/// from <paramref name="Material"/>, so that knowledge passages found for the question add to them rather than replace them.
/// </param>
internal sealed record Prompt(
    PromptPart System,
    IReadOnlyList<ConversationTurn> History,
    PromptPart Question,
    PendingImage? Image,
    FollowerPreferences Preferences,
    PromptPart? AnswerSoFar = null,
    PromptPart? Material = null,
    PromptPart? Facts = null)
{
    /// <summary>
    /// Chat APIs take no half-written assistant turn to extend, so the start goes in as the assistant's turn and a
    /// last user turn asks to go on from exactly where it stops.
    /// </summary>
    public const string ContinueInstruction = "你上面的回答在中途被打断了。请从中断处直接接着写下去，不要重复已经写过的内容，也不要加任何开场白。";

    /// <param name="toolCalls">Tool calls made for the question already, shown to the model after it with their results.</param>
    public List<ChatMessage> Build(int maxTokens, IReadOnlyList<RecordedToolCall>? toolCalls = null)
    {
        var calls = toolCalls ?? [];
        if (AnswerSoFar is not { } start)
        {
            return [.. ContextWindow.Build(System, History, Question, maxTokens, Image, Material, Facts), .. ToolPrompt.Replay(calls)];
        }

        var messages = ContextWindow.Build(System, History, Question, maxTokens - start.TokenCount - ContinueInstructionTokens, Image, Material, Facts);
        messages.AddRange(ToolPrompt.Replay(calls));
        messages.Add(new ChatMessage(ChatRole.Assistant, start.Content));
        messages.Add(new ChatMessage(ChatRole.User, ContinueInstruction));
        return messages;
    }

    /// <summary>
    /// The most tokens <see cref="Build"/> sends: the whole prompt when it fits <paramref name="maxTokens"/>, else the
    /// history trimmed to it, but never less than the parts that are never trimmed.
    /// </summary>
    public int TokenBound(int maxTokens)
    {
        var untrimmed = TokenCounter.ReplyPriming + System.TokenCount + Question.TokenCount + (Material?.TokenCount ?? 0) + (Facts?.TokenCount ?? 0)
            + (AnswerSoFar is { } start ? start.TokenCount + ContinueInstructionTokens : 0);
        var whole = untrimmed + History.Sum(turn => turn.TokenCount);
        return Math.Max(untrimmed, Math.Min(maxTokens, whole)) + (Image is null ? 0 : ImageTokens);
    }

    /// <summary>
    /// What one image costs at most with OpenAI's GPT-4o at high detail: 85 tokens and 170 per 512-pixel tile, of which
    /// a picture scaled to 768 × 2048 has 8. Other vision models count images differently; the API's count settles it.
    /// </summary>
    private const int ImageTokens = 85 + (170 * 8);

    /// <summary>A generous count of <see cref="ContinueInstruction"/>'s tokens, framing included.</summary>
    private const int ContinueInstructionTokens = 64;
}
