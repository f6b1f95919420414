namespace WeChatFunctions.Functions;

/// <summary>Signed pushes seen recently, by fingerprint, shared by every instance.</summary>
internal interface IPushLedger
{
    /// <summary>
    /// Records one more arrival of the push with this fingerprint. An arrival that is refused whatever happens (another
    /// body than the first, or one after WeChat's retries) is counted in the sighting but not written.
    /// </summary>
    /// <param name="bodyHash">The hash of this arrival's body, kept from the first arrival.</param>
    /// <exception cref="Exception">Storage failed, or other arrivals kept changing the record: the arrival is not known to be counted.</exception>
    /// <returns>When it first arrived, how often it has arrived (this time included), and the first arrival's body hash.</returns>
    Task<PushSighting> RecordArrivalAsync(string fingerprint, string bodyHash, DateTimeOffset arrival, CancellationToken cancellationToken);
}

internal sealed record PushSighting(DateTimeOffset FirstArrival, int Arrivals, string FirstBodyHash);
