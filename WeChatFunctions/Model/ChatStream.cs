using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Model;

/// <summary>
/// Streams one completion. A transient failure (429, 5xx, network) before the first token is retried with backoff, as
/// long as the retry can still finish inside the time the caller has; once text has streamed, a retry would change
/// what the follower may already have read, so the failure is the caller's.
/// </summary>
internal sealed class ChatStream(IChatClient chatClient, TimeProvider timeProvider, IOptions<ModelOptions> options, ILogger<ChatStream> logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    public async Task StreamAsync(IList<ChatMessage> prompt, ChatOptions? chatOptions, StreamedText answer, DateTimeOffset retryUntil, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                await foreach (var update in chatClient.GetStreamingResponseAsync(prompt, chatOptions, cancellationToken))
                {
                    answer.Append(update.Text);
                    answer.Usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? answer.Usage;
                    if (answer.IsFull)
                    {
                        return;
                    }
                }

                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                && answer.IsEmpty
                && ModelErrors.IsTransient(exception)
                && retry < options.Value.MaxRetries
                && timeProvider.GetUtcNow() + Backoff(retry) < retryUntil)
            {
                ModelLog.RetryingTransientFailure(logger, retry + 1, Backoff(retry).TotalMilliseconds, exception.Message);
                await Task.Delay(Backoff(retry), timeProvider, cancellationToken);
            }
        }
    }

    private static TimeSpan Backoff(int retry) => FirstBackoff * Math.Pow(2, retry);
}
