using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Pushing;

/// <summary>
/// Shows 「对方正在输入」 while an answer that will be pushed is generating: WeChat shows it for 15 seconds per call, so
/// it is sent again every 10. An account without the permission gets no more tries for a while.
/// </summary>
internal sealed class TypingIndicator(WeChatApiClient api, TimeProvider timeProvider)
{
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMinutes(10);

    private long _failedAtTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public async Task ShowAsync(string openId, DateTimeOffset from, CancellationToken untilFinished)
    {
        try
        {
            var wait = from - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, untilFinished);
            }

            while (timeProvider.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _failedAtTicks), TimeSpan.Zero) > PauseAfterFailure)
            {
                await api.TypingAsync(openId, typing: true, untilFinished);
                await Task.Delay(Repeat, timeProvider, untilFinished);
            }
        }
        catch (OperationCanceledException) when (untilFinished.IsCancellationRequested)
        {
        }
        catch (WeChatApiException)
        {
            Interlocked.Exchange(ref _failedAtTicks, timeProvider.GetUtcNow().UtcTicks);
        }
    }
}
