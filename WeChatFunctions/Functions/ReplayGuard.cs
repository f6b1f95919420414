using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>
/// Refuses a signed push sent again with the same timestamp, nonce and body, unless it fits WeChat's own retry
/// pattern: at most three arrivals, all within the 15 s after the first. The timestamp check bounds how long a
/// captured push stays usable; this closes that window. It is off when the timestamp check is.
/// </summary>
internal sealed class ReplayGuard(IPushLedger ledger, IOptions<WeChatOptions> options, ILogger<ReplayGuard> logger)
{
    /// <summary>Beyond WeChat's 15 s, for the network and a slow first attempt.</summary>
    private static readonly TimeSpan RetryGrace = TimeSpan.FromSeconds(5);

    public async Task<bool> IsReplayAsync(WeChatRequest query, ReadOnlyMemory<byte> body, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        if (options.Value.MaxClockSkewSeconds == 0)
        {
            return false;
        }

        try
        {
            var sighting = await ledger.RecordArrivalAsync(Fingerprint(query, body.Span), arrival, cancellationToken);
            return sighting.Arrivals > WeChatRetries.Attempts || arrival - sighting.FirstArrival > WeChatRetries.Window + RetryGrace;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The signature and timestamp checks still hold, and the message claim still deduplicates: serve the push.
            WeChatLog.ReplayCheckFailed(logger, exception);
            return false;
        }
    }

    /// <summary>SHA-256 of the timestamp, the nonce and the body, as hex: a fixed-size key for any body.</summary>
    private static string Fingerprint(WeChatRequest query, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{query.Timestamp}\n{query.Nonce}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
