using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace WeChatFunctions.Model;

/// <summary>Turns whatever the SDK and the network throw into a <see cref="ModelException"/> that says what kind of failure it was.</summary>
internal sealed class ModelErrorChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (IsTranslated(exception, cancellationToken))
        {
            throw new ModelException(ModelErrors.Classify(exception), exception);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // C# allows no yield inside a try with a catch, so the enumerator is driven by hand.
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception exception) when (IsTranslated(exception, cancellationToken))
            {
                throw new ModelException(ModelErrors.Classify(exception), exception);
            }

            yield return updates.Current;
        }
    }

    /// <summary>The caller's own cancellation stays an <see cref="OperationCanceledException"/>.</summary>
    private static bool IsTranslated(Exception exception, CancellationToken cancellationToken) =>
        exception is not ModelException && !cancellationToken.IsCancellationRequested;
}
