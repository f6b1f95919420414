using WeChatFunctions.Claims;

namespace WeChatFunctions.Pushing;

/// <summary>
/// The answers waiting to be pushed, shared by every instance. A job also marks its message in the follower's
/// partition, so that the follower's next message does not adopt, as lost, an answer that is on its way.
/// </summary>
internal interface IPushJobStore
{
    /// <summary>Stores the job unless one exists for its message.</summary>
    Task AddAsync(PushJob job, CancellationToken cancellationToken);

    Task<PushJob?> FindAsync(MessageKey key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxJobs"/> jobs, oldest first, for the sweep that resumes them.</summary>
    Task<IReadOnlyList<PushJob>> ListAsync(int maxJobs, CancellationToken cancellationToken);

    /// <summary>Replaces the job if it is still at <see cref="PushJob.Version"/>.</summary>
    /// <returns>The job at its new version, or <see langword="null"/> when another instance changed it first.</returns>
    Task<PushJob?> TryReplaceAsync(PushJob job, CancellationToken cancellationToken);

    /// <summary>Removes a finished job.</summary>
    /// <param name="unpushed">
    /// Nothing of the answer was pushed: it becomes an answer no reply delivered, for the follower's next message to
    /// adopt and 「继续」 to show.
    /// </param>
    Task RemoveAsync(PushJob job, bool unpushed, CancellationToken cancellationToken);
}
