using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>
/// Refuses a signed push sent again with the same timestamp and nonce, unless it fits WeChat's own retry pattern: the
/// same body, at most three arrivals, all within the 15 s after the first. A plain push's signature does not cover
/// its body, so a captured query string with another body is refused too. The timestamp check bounds how long a
/// captured push stays usable; this closes that window. It is off when the timestamp check is. It fails closed: a
/// push whose arrival could not be recorded is refused, since a fault or contention is just what a flood of swapped
/// bodies under one captured query causes.
/// </summary>
internal sealed class ReplayGuard(IPushLedger ledger, IOptions<WeChatOptions> options, ILogger<ReplayGuard> logger)
{
    /// <summary>Beyond WeChat's 15 s, for the network and a slow first attempt.</summary>
    private static readonly TimeSpan RetryGrace = TimeSpan.FromSeconds(5);

    public async Task<ReplayVerdict> CheckAsync(WeChatRequest query, ReadOnlyMemory<byte> body, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        if (options.Value.MaxClockSkewSeconds == 0)
        {
            return ReplayVerdict.Fresh;
        }

        try
        {
            var bodyHash = HexDigest.Sha256(body.Span);
            var sighting = await ledger.RecordArrivalAsync(Fingerprint(query), bodyHash, arrival, cancellationToken);
            if (sighting.FirstBodyHash != bodyHash)
            {
                WeChatLog.SwappedBody(logger);
                return ReplayVerdict.Replay;
            }

            var retried = sighting.Arrivals <= WeChatRetries.Attempts && arrival - sighting.FirstArrival <= WeChatRetries.Window + RetryGrace;
            return retried ? ReplayVerdict.Fresh : ReplayVerdict.Replay;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A storage fault, a timeout, or more contention than WeChat's retries could cause (RowContentionException).
            WeChatLog.ReplayCheckFailed(logger, exception);
            return ReplayVerdict.Unverified;
        }
    }

    /// <summary>SHA-256 of the timestamp and the nonce, as hex: a fixed-size key for any query.</summary>
    private static string Fingerprint(WeChatRequest query) =>
        HexDigest.Sha256($"{query.Timestamp}\n{query.Nonce}");
}
