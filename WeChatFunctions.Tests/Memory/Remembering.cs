using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Memory;

/// <summary>
/// Calls the <c>remember</c> tool as the tool loop calls it: taken from the app's own catalog, which holds it by
/// default; and finds what was stored and what the model was sent.
/// </summary>
internal static class Remembering
{
    public const string FactsOpening = "<quoted-material source=\"memory\">";

    public static Task<ToolResult> RememberAsync(this WeChatApplication application, string followerId, string fact) =>
        application.RunRememberAsync(followerId, JsonSerializer.SerializeToElement(new { fact }));

    public static Task<ToolResult> RunRememberAsync(this WeChatApplication application, string followerId, JsonElement arguments) =>
        application.Services.GetRequiredService<ToolCatalog>().Tools.Single(tool => tool.Declaration.Name == "remember")
            .RunAsync(new ToolInvocation(followerId, arguments), CancellationToken.None);

    /// <summary>The user message that carries the remembered facts, fenced; <see langword="null"/> when the request has none.</summary>
    public static string? FactsIn(FakeChatRequest request) =>
        request.Messages.SingleOrDefault(message => message.Role == "user" && message.Content.StartsWith(FactsOpening, StringComparison.Ordinal))?.Content;

    /// <summary>The follower's memory row as stored, straight from Azurite.</summary>
    public static async Task<TableEntity?> MemoryRowAsync(AzuriteServer storage, string followerId)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient("WeChatReplies");
        await table.CreateIfNotExistsAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, "memory");
        return found.HasValue ? found.Value : null;
    }
}
