using System.Collections.Concurrent;
using WeChatFunctions.Background;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Statistics;

/// <summary>
/// Adds up this instance's daily figures in memory and writes them every <see cref="StatisticsFlush.Interval"/>, before
/// <c>get_stat</c> reads them, and on shutdown. Each instance writes rows of its own, one per day, holding its running
/// totals: a write replaces the row with totals that only grow, so a write retried after its response was lost, or
/// repeated after a failure, counts nothing twice, and no two instances contend for a row. Each write is made against
/// the version the instance last wrote, so an older write that reaches storage late fails rather than taking the
/// figures back. An instance that is killed loses at most the figures of its last interval.
/// </summary>
/// <remarks>
/// Whether a message is a follower's first of the day is still decided by an insert-only mark in storage; the tally
/// remembers whom it marked, so a follower's later messages to this instance cost no call.
/// </remarks>
internal sealed class StatisticsTally(
    IStatisticsStore store, QuotaDays days, BackgroundWork background, StatisticsFlush flush, TimeProvider timeProvider, ILogger<StatisticsTally> logger)
    : BackgroundService
{
    /// <summary>Bounds the memory of whom this instance marked; past it, marks are inserted again and the insert decides.</summary>
    private const int MaxRememberedMarks = 100_000;

    private const int ParallelMarks = 8;

    /// <summary>Names this instance's rows; a restarted instance starts rows of its own.</summary>
    private readonly string _writer = $"writer-{Guid.NewGuid():N}";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DailyStatistics> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unwrittenDays = new(StringComparer.Ordinal);

    /// <summary>The version of each day's row as this instance last wrote it; only the flush, one at a time, touches it.</summary>
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly HashSet<ActiveMark> _marked = [];
    private readonly HashSet<ActiveMark> _unwrittenMarks = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Add(string day, DailyStatistics delta)
    {
        lock (_gate)
        {
            _totals[day] = _totals.GetValueOrDefault(day, DailyStatistics.Zero) + delta;
            _unwrittenDays.Add(day);
        }
    }

    /// <summary>Counts the follower active on <paramref name="day"/>, once, however many instances they write to.</summary>
    public void MarkActive(string day, string followerId)
    {
        var mark = new ActiveMark(day, followerId);
        lock (_gate)
        {
            if (_marked.Count >= MaxRememberedMarks)
            {
                _marked.Clear();
            }

            if (_marked.Add(mark))
            {
                _unwrittenMarks.Add(mark);
            }
        }
    }

    /// <summary>Writes what this instance counted since its last write.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            await WriteMarksAsync(cancellationToken);
            await WriteTotalsAsync(cancellationToken);
            ForgetPastDays();
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Answers still finishing record what they cost; the last write waits for them.
        await background.WhenIdleAsync(cancellationToken);
        await TryFlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(flush.Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the rest.
        }
    }

    /// <summary>A failed write is logged and tried again at the next flush, with the totals grown meanwhile.</summary>
    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            StatisticsLog.StatisticsNotRecorded(logger, exception);
        }
    }

    private async Task WriteMarksAsync(CancellationToken cancellationToken)
    {
        List<ActiveMark> marks;
        lock (_gate)
        {
            marks = [.. _unwrittenMarks];
            _unwrittenMarks.Clear();
        }

        var written = new ConcurrentDictionary<ActiveMark, bool>();
        try
        {
            await Parallel.ForEachAsync(marks, new ParallelOptions { MaxDegreeOfParallelism = ParallelMarks, CancellationToken = cancellationToken }, async (mark, token) =>
            {
                if (await store.MarkActiveAsync(mark.Day, mark.FollowerId, token))
                {
                    Add(mark.Day, new DailyStatistics(ActiveFollowers: 1));
                }

                written[mark] = true;
            });
        }
        finally
        {
            lock (_gate)
            {
                _unwrittenMarks.UnionWith(marks.Where(mark => !written.ContainsKey(mark)));
            }
        }
    }

    private async Task WriteTotalsAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, DailyStatistics>> unwritten;
        lock (_gate)
        {
            unwritten = [.. _unwrittenDays.Select(day => KeyValuePair.Create(day, _totals[day]))];
            _unwrittenDays.Clear();
        }

        var index = 0;
        try
        {
            for (; index < unwritten.Count; index++)
            {
                var (day, totals) = unwritten[index];
                _versions[day] = await store.SaveTotalsAsync(day, _writer, totals, _versions.GetValueOrDefault(day), cancellationToken);
            }
        }
        finally
        {
            lock (_gate)
            {
                _unwrittenDays.UnionWith(unwritten.Skip(index).Select(day => day.Key));
            }
        }
    }

    /// <summary>No event is recorded for a day before yesterday, so its written totals are final.</summary>
    private void ForgetPastDays()
    {
        var yesterday = days.DayOf(timeProvider.GetUtcNow().AddDays(-1));
        lock (_gate)
        {
            foreach (var day in _totals.Keys.Where(day => string.CompareOrdinal(day, yesterday) < 0 && !_unwrittenDays.Contains(day)).ToList())
            {
                _totals.Remove(day);
                _versions.Remove(day);
            }

            _marked.RemoveWhere(mark => string.CompareOrdinal(mark.Day, yesterday) < 0);
        }
    }

    private sealed record ActiveMark(string Day, string FollowerId);
}
