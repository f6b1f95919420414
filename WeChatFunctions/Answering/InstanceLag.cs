namespace WeChatFunctions.Answering;

/// <summary>
/// How late this instance has been running lately: the longest storage round trip or late timer seen in the last 10 to
/// 20 seconds. An overloaded instance's heartbeats land late, and so does everything else it does; the claims it
/// writes carry this figure, and the claims it judges get as much more time, so that a busy owner is not mistaken for a
/// dead one.
/// </summary>
internal sealed class InstanceLag(TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = timeProvider.GetUtcNow();
    private TimeSpan _current;
    private TimeSpan _previous;

    /// <summary>The longest lateness observed in this window and the one before.</summary>
    public TimeSpan Recent
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return _current > _previous ? _current : _previous;
            }
        }
    }

    /// <summary>Records a storage round trip, or anything else that took longer than it should have.</summary>
    public void Observe(TimeSpan lateness)
    {
        lock (_lock)
        {
            Roll();
            if (lateness > _current)
            {
                _current = lateness;
            }
        }
    }

    /// <summary>Records how late a timer due at <paramref name="due"/> woke this instance up.</summary>
    public void ObserveWake(DateTimeOffset due) => Observe(timeProvider.GetUtcNow() - due);

    /// <summary>Waits until <paramref name="due"/>, recording how late the wake-up came.</summary>
    public async Task DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        ObserveWake(due);
    }

    private void Roll()
    {
        var now = timeProvider.GetUtcNow();
        var elapsed = now - _windowStart;
        if (elapsed < Window)
        {
            return;
        }

        _previous = elapsed < Window * 2 ? _current : TimeSpan.Zero;
        _current = TimeSpan.Zero;
        _windowStart = now;
    }
}
