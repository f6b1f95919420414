using System.Globalization;
using Azure.Data.Tables;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Reads the question counts and tokens the app recorded, straight from Azurite: the follower's <c>usage</c> row in the
/// follower table, which counts the day in its <c>Day</c> column.
/// </summary>
public static class StoredUsage
{
    public const string TableName = "WeChatReplies";

    public const string Row = "usage";

    /// <summary>Today's count in Beijing time, the default quota day.</summary>
    public static async Task<int> QuestionsTodayAsync(AzuriteServer storage, string followerId) =>
        await TodayAsync(storage, followerId) is { } today ? today.GetInt32("Questions") ?? 0 : 0;

    /// <summary>Today's prompt and completion tokens.</summary>
    public static async Task<(long Prompt, long Completion)> TokensTodayAsync(AzuriteServer storage, string followerId) =>
        await TodayAsync(storage, followerId) is { } today ? (today.GetInt64("PromptTokens") ?? 0, today.GetInt64("CompletionTokens") ?? 0) : (0, 0);

    /// <summary>Today's pictures charged, each by the message it was drawn for.</summary>
    public static async Task<IReadOnlyList<string>> PicturesTodayAsync(AzuriteServer storage, string followerId) =>
        await TodayAsync(storage, followerId) is { } today ? (today.GetString("Pictures") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static async Task<TableEntity?> TodayAsync(AzuriteServer storage, string followerId)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, Row);
        return found.HasValue && found.Value!.GetString("Day") == Today ? found.Value : null;
    }
}
