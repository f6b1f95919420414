namespace WeChatFunctions.Functions;

/// <summary>Signed pushes seen recently, by fingerprint, shared by every instance.</summary>
internal interface IPushLedger
{
    /// <summary>Records one more arrival of the push with this fingerprint.</summary>
    /// <returns>When it first arrived and how often it has arrived, this time included.</returns>
    Task<PushSighting> RecordArrivalAsync(string fingerprint, DateTimeOffset arrival, CancellationToken cancellationToken);
}

internal sealed record PushSighting(DateTimeOffset FirstArrival, int Arrivals);
