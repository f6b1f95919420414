using OpenAI.Moderations;

namespace WeChatFunctions.Moderation;

/// <summary>The <c>openai</c> mode: the moderation endpoint (<c>POST /moderations</c>) beside the chat API.</summary>
internal sealed class OpenAIModerator(ModerationClient client) : IContentModerator
{
    public async Task<bool> IsBlockedAsync(string text, CancellationToken cancellationToken)
    {
        var result = await client.ClassifyTextAsync(text, cancellationToken);
        return result.Value.Flagged;
    }
}
