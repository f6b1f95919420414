using System.Globalization;
using Azure.Data.Tables;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Reads the question counts the app charged, straight from Azurite.</summary>
public static class StoredUsage
{
    public const string TableName = "WeChatUsage";

    /// <summary>Today's count in Beijing time, the default quota day.</summary>
    public static async Task<int> QuestionsTodayAsync(AzuriteServer storage, string followerId)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, today);
        return found.HasValue ? found.Value!.GetInt32("Questions") ?? 0 : 0;
    }
}
