using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace WeChatFunctions.Redaction;

/// <summary>
/// The last line of defence: whatever reaches the model, a turn stored before redaction existed, a follower's
/// <c>/prompt</c> or the start of an interrupted answer, has the admin tokens replaced first. Questions are redacted
/// when they arrive; this catches the rest.
/// </summary>
internal sealed class RedactingChatClient(IChatClient inner, TextRedaction redaction) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var skeletons = await redaction.SkeletonsAsync(cancellationToken);
        return await base.GetResponseAsync(Redacted(messages, skeletons), Redacted(options, skeletons), cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var skeletons = await redaction.SkeletonsAsync(cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(Redacted(messages, skeletons), Redacted(options, skeletons), cancellationToken))
        {
            yield return update;
        }
    }

    private static List<ChatMessage> Redacted(IEnumerable<ChatMessage> messages, IReadOnlyList<string> skeletons) =>
        [.. messages.Select(message => Redacted(message, skeletons))];

    private static ChatOptions? Redacted(ChatOptions? options, IReadOnlyList<string> skeletons)
    {
        if (options?.Instructions is not { } instructions)
        {
            return options;
        }

        var redacted = SecretRedactor.Redact(instructions, skeletons);
        return ReferenceEquals(redacted, instructions) ? options : CloneWith(options, redacted);
    }

    private static ChatOptions CloneWith(ChatOptions options, string instructions)
    {
        var clone = options.Clone();
        clone.Instructions = instructions;
        return clone;
    }

    private static ChatMessage Redacted(ChatMessage message, IReadOnlyList<string> skeletons)
    {
        var changed = false;
        var contents = new List<AIContent>(message.Contents.Count);
        foreach (var content in message.Contents)
        {
            if (content is TextContent { Text: { } text } && SecretRedactor.Redact(text, skeletons) is var redacted && !ReferenceEquals(redacted, text))
            {
                contents.Add(new TextContent(redacted));
                changed = true;
            }
            else
            {
                contents.Add(content);
            }
        }

        return changed ? new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId } : message;
    }
}
