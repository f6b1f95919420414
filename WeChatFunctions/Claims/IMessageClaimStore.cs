namespace WeChatFunctions.Claims;

/// <summary>The first-arrival records of pushes, shared by every instance.</summary>
internal interface IMessageClaimStore
{
    /// <summary>Records the push as arrived unless it was recorded before.</summary>
    /// <returns>Whether this call recorded it.</returns>
    Task<bool> TryAddAsync(MessageKey key, DateTimeOffset arrival, CancellationToken cancellationToken);
}
