using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Conversations;

namespace WeChatFunctions.Storage;

/// <summary>Counts with optimistic concurrency: read, change, write if the ETag still matches, else read again.</summary>
internal sealed class TableUsageStore(TableClientProvider tables) : IUsageStore
{
    public const string TableName = "WeChatUsage";

    /// <summary>Each conflict means another charge landed; a follower cannot send this many at the same instant.</summary>
    private const int MaxConflicts = 20;

    public async Task<bool> TryChargeAsync(string followerId, string day, int limit, CancellationToken cancellationToken) =>
        await ChangeAsync(followerId, day, usage => limit == 0 || usage.Questions < limit ? usage.Questions + 1 : null, cancellationToken);

    public async Task RefundAsync(string followerId, string day, CancellationToken cancellationToken) =>
        await ChangeAsync(followerId, day, usage => usage.Questions > 0 ? usage.Questions - 1 : null, cancellationToken);

    public async Task<int> QuestionsAsync(string followerId, string day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<UsageEntity>(followerId, day, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.Questions : 0;
    }

    /// <returns>Whether the change was made; <paramref name="change"/> returns <see langword="null"/> to make none.</returns>
    private async Task<bool> ChangeAsync(string followerId, string day, Func<UsageEntity, int?> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (var conflicts = 0; ; conflicts++)
        {
            var found = await table.GetEntityIfExistsAsync<UsageEntity>(followerId, day, cancellationToken: cancellationToken);
            var usage = found.HasValue ? found.Value! : new UsageEntity { PartitionKey = followerId, RowKey = day };
            if (change(usage) is not { } questions)
            {
                return false;
            }

            usage.Questions = questions;
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(usage, usage.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(usage, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && conflicts < MaxConflicts)
            {
                // Another instance changed the count first: read it again.
            }
        }
    }
}
