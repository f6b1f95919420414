namespace WeChatFunctions.Background;

/// <summary>Waiting for a signal that may come too late: whoever waits has a reply due at a deadline either way.</summary>
internal static class DeadlineWait
{
    /// <returns><see langword="false"/> when the deadline came first, or had passed already.</returns>
    public static async Task<bool> WaitUntilAsync(this Task signal, DateTimeOffset deadline, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var left = deadline - timeProvider.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            await signal.WaitAsync(left, timeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
