using WeChatFunctions.Limits;
using WeChatFunctions.Claims;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Answering;

/// <summary>Claims and their answers, shared by every instance, so that retries anywhere find the same generation.</summary>
internal interface IReplyClaimStore
{
    /// <summary>Inserts the claim unless one exists for its message.</summary>
    /// <returns>The stored claim, or <see langword="null"/> when another attempt claimed the message first.</returns>
    Task<ReplyClaim?> TryAddAsync(ReplyClaim claim, CancellationToken cancellationToken);

    Task<ReplyClaim?> FindAsync(MessageKey key, CancellationToken cancellationToken);

    /// <returns>
    /// The follower's questions that first arrived at or after <paramref name="since"/> and whose answers no reply has
    /// shown yet, finished or not; and the follower's reading position, read with them.
    /// </returns>
    Task<FollowerReplies> FindUndeliveredAsync(string followerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records that a reply sent at <paramref name="at"/> showed the start of the message's answer.</summary>
    Task MarkDeliveredAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Cancels the mark of a reply that was withheld after all, because the mark landed too late for WeChat.</summary>
    Task WithdrawDeliveredAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces the claim if it is still at <see cref="ReplyClaim.Version"/>.</summary>
    /// <returns>The claim at its new version, or <see langword="null"/> when someone else changed it first.</returns>
    Task<ReplyClaim?> TryReplaceAsync(ReplyClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the claim as <see cref="TryReplaceAsync"/> does, and in the same transaction writes what finishing it
    /// changes (<see cref="FinishWrites"/>): all or none, so only the claim's owner writes them.
    /// </summary>
    Task<FinishedClaim> TryFinishAsync(ReplyClaim claim, FinishWrites writes, CancellationToken cancellationToken);
}

/// <summary>What goes into the transaction that finishes a claim, besides the claim.</summary>
/// <param name="Remembered">The exchange the answer is remembered as.</param>
/// <param name="Settlement">The charge's settlement, where the follower's usage shares the claim's partition.</param>
/// <param name="Delivered">When an attempt on this instance took the answer to show it: the delivered mark.</param>
internal sealed record FinishWrites(RememberedExchange? Remembered, ChargeSettlement? Settlement, DateTimeOffset? Delivered);

/// <param name="Saved">The claim at its new version, or <see langword="null"/> when someone else changed it first.</param>
/// <param name="Settled">The settlement went with it.</param>
/// <param name="Marked">The delivered mark went with it, or was there already.</param>
internal sealed record FinishedClaim(ReplyClaim? Saved, bool Settled, bool Marked)
{
    public static readonly FinishedClaim Lost = new(null, false, false);

    /// <summary>This instance saved it, as the claim's owner.</summary>
    public bool Owner => Saved is not null;
}
