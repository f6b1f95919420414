using WeChatFunctions.Model;

namespace WeChatFunctions.Limits;

/// <summary>
/// What settles a charge: the tokens its answer used, replacing the reservation, and for a question that got no answer,
/// the question taken back. Where the follower's usage shares the claim's partition, it is written with the finished
/// claim in one transaction, so that only the claim's owner settles, and only once.
/// </summary>
internal sealed record ChargeSettlement(QuotaCharge Charge, TokenUsage Used, bool Refund)
{
    /// <returns>The usage with the charge settled, or <see langword="null"/> when it was settled already.</returns>
    public FollowerUsage? ApplyTo(FollowerUsage usage) =>
        usage.Settled(Charge.MessageId, Used, Refund) is var settled && !ReferenceEquals(settled, usage) ? settled : null;
}
