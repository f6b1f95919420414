using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Functions;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatPushes</c> table: a row per push fingerprint (partition = fingerprint) with its first arrival and
/// arrival count. A new push costs one insert; only repeated arrivals read and update.
/// </summary>
internal sealed class TablePushLedger(TableClientProvider tables) : IPushLedger
{
    public const string TableName = "WeChatPushes";

    public const string FirstArrivalProperty = "FirstArrival";

    private const string ArrivalsProperty = "Arrivals";

    private const string BodyHashProperty = "BodyHash";

    private const string LastArrivalProperty = "LastArrival";

    private const int MaxConflicts = 10;

    public async Task<PushSighting> RecordArrivalAsync(string fingerprint, string bodyHash, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        // Names this arrival, so that a write whose response was lost, retried by the SDK, is not counted twice.
        var arrivalId = Guid.NewGuid().ToString("N");
        var firstSighting = new TableEntity(fingerprint, "") { [FirstArrivalProperty] = arrival, [ArrivalsProperty] = 1, [BodyHashProperty] = bodyHash, [LastArrivalProperty] = arrivalId };
        if (await TableRows.TryAddAsync(table, firstSighting, cancellationToken))
        {
            return new PushSighting(arrival, 1, bodyHash);
        }

        // Seen before, or this very arrival's insert landed and its response was lost: count it unless it is counted.

        // Only WeChat's three attempts share a fingerprint, so more conflicts than this are not WeChat; the replay
        // guard then serves the push on the strength of its signature, timestamp and message claim.
        PushSighting? sighting = null;
        await OptimisticRow.ChangeAsync(table, fingerprint, () => "", row =>
        {
            var first = row.GetDateTimeOffset(FirstArrivalProperty) ?? arrival;
            var counted = row.GetString(LastArrivalProperty) == arrivalId;
            var arrivals = (row.GetInt32(ArrivalsProperty) ?? 0) + (counted ? 0 : 1);
            var firstBody = row.GetString(BodyHashProperty) ?? bodyHash;
            (row[FirstArrivalProperty], row[ArrivalsProperty], row[BodyHashProperty], row[LastArrivalProperty]) = (first, arrivals, firstBody, arrivalId);
            sighting = new PushSighting(first, arrivals, firstBody);
            return !counted;
        }, MaxConflicts, cancellationToken);

        return sighting!;
    }
}
