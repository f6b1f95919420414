using System.Globalization;
using Azure.Data.Tables;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Writes conversation turns straight into Azurite, dated in the past, as the app would have stored them then.</summary>
public static class StoredTurns
{
    public static async Task AddExchangeAsync(AzuriteServer storage, string followerId, DateTimeOffset at, string question, string answer)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(StoredConversation.TableName);
        await table.CreateIfNotExistsAsync();
        var key = StoredConversation.TurnPrefix + (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.AddEntityAsync(new TableEntity(followerId, $"{key}-1") { ["Role"] = "User", ["Content"] = question, ["TokenCount"] = 10 });
        await table.AddEntityAsync(new TableEntity(followerId, $"{key}-0") { ["Role"] = "Assistant", ["Content"] = answer, ["TokenCount"] = 10 });
    }
}
