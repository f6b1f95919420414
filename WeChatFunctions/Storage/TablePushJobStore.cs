using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Claims;
using WeChatFunctions.Pushing;

namespace WeChatFunctions.Storage;

/// <summary>
/// Push jobs in the <c>WeChatReplies</c> table: each in the partition <c>~pushes</c>, which the sweep reads in one
/// query, and marked by an insert-only row <c>push-{message}</c> in the follower's partition, which the lost-answer
/// query reads with the claims. A job that ends with nothing pushed adds <c>unpushed-{message}</c> beside it.
/// </summary>
internal sealed class TablePushJobStore(TableClientProvider tables) : IPushJobStore
{
    public const string JobPartition = "~pushes";

    public const string PushedPrefix = "push-";

    public const string UnpushedPrefix = "unpushed-";

    public async Task AddAsync(PushJob job, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        // The mark first: a job the sweep can see is always one the follower's messages see too. A row found was stored
        // already, by another attempt at the message or by this one's write whose response was lost.
        await TableRows.TryAddAsync(table, Mark(job.Key, PushedPrefix, job.FirstArrival), cancellationToken);
        await TableRows.TryAddAsync(table, ToRow(job), cancellationToken);
    }

    public async Task<PushJob?> FindAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(JobPartition, JobRow(key), cancellationToken: cancellationToken);
        return found.HasValue ? FromRow(found.Value!) : null;
    }

    public async Task<IReadOnlyList<PushJob>> ListAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        var jobs = new List<PushJob>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {JobPartition}"), maxPerPage: maxJobs, cancellationToken: cancellationToken))
        {
            jobs.Add(FromRow(row));
            if (jobs.Count == maxJobs)
            {
                break;
            }
        }

        return [.. jobs.OrderBy(job => job.FirstArrival)];
    }

    public async Task<PushJob?> TryReplaceAsync(PushJob job, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(ToRow(job), new ETag(job.Version), TableUpdateMode.Replace, cancellationToken);
            return job with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task RemoveAsync(PushJob job, bool unpushed, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableReplyClaimStore.TableName, cancellationToken);
        if (unpushed)
        {
            await TableRows.TryAddAsync(table, Mark(job.Key, UnpushedPrefix, job.FirstArrival), cancellationToken);
        }

        await table.DeleteEntityAsync(JobPartition, JobRow(job.Key), ETag.All, cancellationToken);
    }

    /// <summary>Carries <c>FirstArrival</c> like a claim, for the lost-answer query and the claims' cleanup.</summary>
    private static TableEntity Mark(MessageKey key, string prefix, DateTimeOffset firstArrival) =>
        new(key.FollowerId, prefix + key.MessageId) { ["FirstArrival"] = firstArrival };

    /// <summary>Follower ids are letters, digits, <c>-</c> and <c>_</c>, so the first <c>.</c> separates the message id.</summary>
    private static string JobRow(MessageKey key) => $"{key.FollowerId}.{key.MessageId}";

    private static TableEntity ToRow(PushJob job) => new(JobPartition, JobRow(job.Key))
    {
        ["FirstArrival"] = job.FirstArrival,
        ["SentEnd"] = job.SentEnd,
        ["Sent"] = job.Sent,
        ["Page"] = job.Page,
        ["Sending"] = job.Sending,
        ["Failures"] = job.Failures,
        ["LeaseUntil"] = job.LeaseUntil,
    };

    private static PushJob FromRow(TableEntity row)
    {
        var separator = row.RowKey.IndexOf('.', StringComparison.Ordinal);
        return new PushJob(
            new MessageKey(row.RowKey[..separator], row.RowKey[(separator + 1)..]),
            row.GetDateTimeOffset("FirstArrival") ?? DateTimeOffset.UnixEpoch,
            row.GetInt32("SentEnd") ?? 0,
            row.GetInt32("Sent") ?? 0,
            row.GetInt32("Page") ?? 1,
            row.GetBoolean("Sending") ?? false,
            row.GetInt32("Failures") ?? 0,
            row.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.UnixEpoch,
            row.ETag.ToString());
    }
}
