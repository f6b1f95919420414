namespace WeChatFunctions.Answering;

/// <summary>One of <see cref="GenerationSlots"/>, held while an answer generates, with that generation's deadline.</summary>
internal sealed class GenerationSlot : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _deadline;
    private int _released;

    public GenerationSlot(SemaphoreSlim slots, TimeSpan timeout, TimeProvider timeProvider, CancellationToken stopping)
    {
        _slots = slots;
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, stopping);
    }

    /// <summary>Cancelled when the generation has run too long, or the instance stops.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>Whether <see cref="Deadline"/> fired because the generation ran too long.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _deadline.Dispose();
            _timeout.Dispose();
            _slots.Release();
        }
    }
}
