using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Answering;

/// <summary>
/// Caps how many answers this instance generates at once (<c>max_concurrent_generations</c>), so that a burst queues
/// rather than starving every answer of CPU and sockets. A question waits for a slot only while WeChat still waits.
/// </summary>
internal sealed class GenerationSlots(IOptions<ReplyWindowOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentGenerations, options.Value.MaxConcurrentGenerations);

    /// <returns>
    /// A slot to dispose when the generation ends, whose <see cref="GenerationSlot.Deadline"/> fires after
    /// <c>generation_timeout_seconds</c>; or <see langword="null"/> when none came free by <paramref name="until"/>.
    /// </returns>
    public async Task<GenerationSlot?> TakeAsync(DateTimeOffset until, CancellationToken stopping)
    {
        var wait = until - timeProvider.GetUtcNow();
        return await _slots.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stopping)
            ? new GenerationSlot(_slots, options.Value.GenerationTimeout, timeProvider, stopping)
            : null;
    }

    public void Dispose() => _slots.Dispose();
}
