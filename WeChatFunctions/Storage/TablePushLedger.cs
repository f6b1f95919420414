using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Functions;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatPushes</c> table: a row per push fingerprint (partition = fingerprint) with its first arrival and
/// arrival count. A new push costs one insert; only repeated arrivals read, and only those with the first body update.
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
        // Another body, or an arrival after WeChat's retries are used up, is refused whatever the count, so it is not
        // written: only WeChat's own retries of the first body (at most three, seconds apart) contend for the row, and
        // more conflicts than this are not WeChat. The guard then refuses the push, as it does on any storage fault.
        PushSighting? sighting = null;
        await OptimisticRow.ChangeAsync(table, fingerprint, () => "", row =>
        {
            var first = row.GetDateTimeOffset(FirstArrivalProperty) ?? arrival;
            var counted = row.GetString(LastArrivalProperty) == arrivalId;
            var firstBody = row.GetString(BodyHashProperty) ?? bodyHash;
            var seen = row.GetInt32(ArrivalsProperty) ?? 0;
            var arrivals = seen + (counted ? 0 : 1);
            sighting = new PushSighting(first, arrivals, firstBody);
            var counts = !counted && firstBody == bodyHash && seen < WeChatRetries.Attempts;
            if (!counts)
            {
                return false;
            }

            (row[FirstArrivalProperty], row[ArrivalsProperty], row[BodyHashProperty], row[LastArrivalProperty]) = (first, arrivals, firstBody, arrivalId);
            return true;
        }, MaxConflicts, cancellationToken);

        return sighting!;
    }
}
