using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Answering;

/// <summary>
/// Decides, for every instance and every caller alike, when a generating claim counts as abandoned by its owner.
/// Silence runs by the storage service's clock, from when the owner's last save landed to when the claim was read, so a
/// save that took seconds to land counts from its landing, and neither instance's clock nor its own delays come into
/// it. A busy owner is given as much more time as it reported being late, or as this instance is late now (on a shared
/// machine, the owner probably is too); never more than a second claim timeout, so that a dead owner is still taken
/// over within the window's reach.
/// </summary>
internal sealed class ClaimSilence(InstanceLag lag, TimeProvider timeProvider, IOptions<ReplyWindowOptions> options)
{
    /// <summary>Whether the claim is still generating but its owner has been silent for longer than it may be.</summary>
    public bool IsAbandoned(ReplyClaim claim) => TimeLeft(claim) < TimeSpan.Zero;

    /// <summary>
    /// How much longer after the claim was read its owner may stay silent before the claim counts as abandoned:
    /// negative once it does, <see cref="TimeSpan.MaxValue"/> for a finished answer.
    /// </summary>
    public TimeSpan TimeLeft(ReplyClaim claim)
    {
        if (claim.Answer.IsFinished)
        {
            return TimeSpan.MaxValue;
        }

        if (claim.IsReleased)
        {
            return TimeSpan.MinValue;
        }

        // A claim read without the service's time is judged by this instance's clock, which the service's keeps close to.
        var silence = (claim.ReadAt ?? timeProvider.GetUtcNow()) - (claim.SavedAt ?? claim.ProgressAt);
        return options.Value.ClaimTimeout + Leeway(claim) - silence;
    }

    private TimeSpan Leeway(ReplyClaim claim)
    {
        var judgeLag = lag.Recent;
        var late = claim.OwnerLag > judgeLag ? claim.OwnerLag : judgeLag;
        return late < options.Value.ClaimTimeout ? late : options.Value.ClaimTimeout;
    }
}
