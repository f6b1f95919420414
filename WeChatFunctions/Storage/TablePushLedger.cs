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

    private const int MaxConflicts = 10;

    public async Task<PushSighting> RecordArrivalAsync(string fingerprint, string bodyHash, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(fingerprint, "") { [FirstArrivalProperty] = arrival, [ArrivalsProperty] = 1, [BodyHashProperty] = bodyHash }, cancellationToken);
            return new PushSighting(arrival, 1, bodyHash);
        }
        catch (RequestFailedException seen) when (seen.Status == 409)
        {
            // Seen before: count this arrival too.
        }

        // Only WeChat's three attempts share a fingerprint, so more conflicts than this are not WeChat; the replay
        // guard then serves the push on the strength of its signature, timestamp and message claim.
        PushSighting? sighting = null;
        await OptimisticRow.ChangeAsync(table, fingerprint, () => "", row =>
        {
            var first = row.GetDateTimeOffset(FirstArrivalProperty) ?? arrival;
            var arrivals = (row.GetInt32(ArrivalsProperty) ?? 0) + 1;
            var firstBody = row.GetString(BodyHashProperty) ?? bodyHash;
            (row[FirstArrivalProperty], row[ArrivalsProperty], row[BodyHashProperty]) = (first, arrivals, firstBody);
            sighting = new PushSighting(first, arrivals, firstBody);
        }, MaxConflicts, cancellationToken);

        return sighting!;
    }
}
