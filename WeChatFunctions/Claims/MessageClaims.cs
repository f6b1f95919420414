namespace WeChatFunctions.Claims;

/// <summary>
/// De-duplicates pushes across WeChat's retries and across instances: whatever a push does once (count a subscription,
/// keep an image, forget a follower) is done by the attempt that claims it first. Retries only repeat the reply.
/// </summary>
internal sealed class MessageClaims(IMessageClaimStore store)
{
    /// <remarks>
    /// The claim is not cancelled with the attempt: a push claimed while its attempt was being dropped would otherwise
    /// be neither done nor claimable again.
    /// </remarks>
    /// <returns>Whether this is the push's first arrival anywhere.</returns>
    public Task<bool> TryClaimAsync(MessageKey key, DateTimeOffset arrival) => store.TryAddAsync(key, arrival, CancellationToken.None);
}
