using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Model;

/// <summary>
/// Retries a transient failure (429, 5xx, network) before the first text, with backoff, as long as the retry can still
/// finish before the call's <see cref="ModelDeadline"/>. Once text has streamed, a retry would change what the follower
/// may already have read, so the failure is the caller's.
/// </summary>
internal sealed class TransientRetryChatClient(IChatClient innerClient, TimeProvider timeProvider, IOptions<ModelOptions> options, ILogger<TransientRetryChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var deadline = ModelDeadline.DeadlineOf(chatOptions) ?? DateTimeOffset.MaxValue;
        for (var retry = 0; ; retry++)
        {
            var streamedText = false;
            await using var updates = base.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (ModelException exception) when (!streamedText && CanRetry(exception, retry, deadline))
                {
                    ModelLog.RetryingTransientFailure(logger, retry + 1, Backoff(retry).TotalMilliseconds, exception.InnerException?.Message ?? exception.Message);
                    break;
                }

                streamedText |= !string.IsNullOrWhiteSpace(updates.Current.Text);
                yield return updates.Current;
            }

            await Task.Delay(Backoff(retry), timeProvider, cancellationToken);
        }
    }

    private bool CanRetry(ModelException exception, int retry, DateTimeOffset deadline) =>
        exception.Failure == ModelFailure.Transient
        && retry < options.Value.MaxRetries
        && timeProvider.GetUtcNow() + Backoff(retry) < deadline;

    private static TimeSpan Backoff(int retry) => FirstBackoff * Math.Pow(2, retry);
}
