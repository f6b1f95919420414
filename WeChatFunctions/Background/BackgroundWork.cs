using System.Collections.Concurrent;

namespace WeChatFunctions.Background;

/// <summary>
/// Runs work that must outlive the HTTP request that started it: WeChat dropping an attempt must not stop an answer.
/// Only shutdown stops it; shutdown then waits for the work to wind down.
/// </summary>
internal sealed class BackgroundWork(IHostApplicationLifetime lifetime, ILogger<BackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public void Run(Func<CancellationToken, Task> work) => Track(Task.Run(() => work(lifetime.ApplicationStopping), CancellationToken.None));

    /// <returns>The work and its result, for a caller that waits for it a while; it is not stopped when that caller stops waiting.</returns>
    public Task<TResult> Begin<TResult>(Func<CancellationToken, Task<TResult>> work) => Track(Task.Run(() => work(lifetime.ApplicationStopping), CancellationToken.None));

    private TTask Track<TTask>(TTask task)
        where TTask : Task
    {
        _running.TryAdd(task, true);
        task.ContinueWith(
            finished =>
            {
                _running.TryRemove(finished, out _);
                if (finished.Exception is { } exception)
                {
                    BackgroundLog.BackgroundWorkFailed(logger, exception.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => WhenIdleAsync(cancellationToken);

    /// <summary>
    /// Waits for the work running now to end. On shutdown, ApplicationStopping has fired, so it is winding down;
    /// whoever flushes what the work records waits for this first. Failures were logged as they happened.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var settled = _running.Keys.Select(task => task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
        try
        {
            await Task.WhenAll(settled).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            BackgroundLog.ShutdownOutranBackgroundWork(logger, _running.Count);
        }
    }
}
