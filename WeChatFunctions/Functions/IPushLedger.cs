namespace WeChatFunctions.Functions;

/// <summary>Signed pushes seen recently, by fingerprint, shared by every instance.</summary>
internal interface IPushLedger
{
    /// <summary>Records one more arrival of the push with this fingerprint, unless its body is not the first arrival's.</summary>
    /// <param name="bodyHash">The hash of this arrival's body, kept from the first arrival.</param>
    /// <exception cref="Exception">Storage failed, or other arrivals kept changing the record: the arrival is not known to be counted.</exception>
    /// <returns>When it first arrived, how often it has arrived (this time included), and the first arrival's body hash.</returns>
    Task<PushSighting> RecordArrivalAsync(string fingerprint, string bodyHash, DateTimeOffset arrival, CancellationToken cancellationToken);
}

internal sealed record PushSighting(DateTimeOffset FirstArrival, int Arrivals, string FirstBodyHash);
