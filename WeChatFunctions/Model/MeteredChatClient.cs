using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using WeChatFunctions.Telemetry;

namespace WeChatFunctions.Model;

/// <summary>Times each streamed completion, from the request to its last update, for the model latency metric.</summary>
internal sealed class MeteredChatClient(IChatClient innerClient, AssistantMetrics metrics, TimeProvider timeProvider) : DelegatingChatClient(innerClient)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var succeeded = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }

            succeeded = true;
        }
        finally
        {
            metrics.ModelCalled(timeProvider.GetElapsedTime(started), succeeded);
        }
    }
}
