using Microsoft.Extensions.AI;
using WeChatFunctions.Images;

namespace WeChatFunctions.Dialog;

/// <summary>What one question is asked with: the system prompt, the current session's history, the question and its image.</summary>
internal sealed record Prompt(PromptPart System, IReadOnlyList<ConversationTurn> History, PromptPart Question, PendingImage? Image, FollowerPreferences Preferences)
{
    public List<ChatMessage> Build(int maxTokens) => ContextWindow.Build(System, History, Question, maxTokens, Image);
}
