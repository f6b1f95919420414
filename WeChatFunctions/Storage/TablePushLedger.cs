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

    public async Task<PushSighting> RecordArrivalAsync(string fingerprint, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(fingerprint, "") { [FirstArrivalProperty] = arrival, [ArrivalsProperty] = 1 }, cancellationToken);
            return new PushSighting(arrival, 1);
        }
        catch (RequestFailedException seen) when (seen.Status == 409)
        {
            // Seen before: count this arrival too.
        }

        PushSighting? sighting = null;
        while (!await OptimisticRow.TryChangeAsync(table, fingerprint, "", row =>
        {
            var first = row.GetDateTimeOffset(FirstArrivalProperty) ?? arrival;
            var arrivals = (row.GetInt32(ArrivalsProperty) ?? 0) + 1;
            (row[FirstArrivalProperty], row[ArrivalsProperty]) = (first, arrivals);
            sighting = new PushSighting(first, arrivals);
        }, cancellationToken))
        {
        }

        return sighting!;
    }
}
