using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WeChatFunctions.Background;
using WeChatFunctions.Claims;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Speech;

/// <summary>
/// Hears each voice once, however many of WeChat's attempts and instances see it. The first attempt stores that the
/// voice is being heard (insert-if-absent beside the claim) and starts <see cref="VoiceTranscription"/>; every attempt
/// then waits for the outcome until its own deadline: woken in-process on the instance that hears it, polling storage
/// on the others. A transcription whose instance went quiet is taken over, once, by whichever attempt sees it first.
/// </summary>
internal sealed class VoiceHearing(
    IHeardVoiceStore store,
    VoiceTranscription transcription,
    BackgroundWork background,
    TimeProvider timeProvider,
    IOptions<TranscriptionOptions> options,
    IOptions<ReplyWindowOptions> window,
    ILogger<VoiceHearing> logger)
{
    /// <summary>As the answers' watcher: an outcome stored by another instance is seen within a few hundred milliseconds.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>A transcription still under way this long after it began has died with its instance: it ends itself by <see cref="VoiceTranscription.Timeout"/>.</summary>
    public static readonly TimeSpan AbandonedAfter = VoiceTranscription.Timeout + TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<MessageKey, Task<HeardVoice>> _hearing = new();

    public bool IsOn => options.Value.IsOn;

    /// <summary>Whether the answer to a voice the app heard starts with what was heard (<c>show_transcript</c>).</summary>
    public bool ShowsTranscript => options.Value.ShowTranscript;

    /// <returns>The voice as heard, or still <see cref="HearingOutcome.Hearing"/> when this attempt's time to wait ran out.</returns>
    public async Task<HeardVoice> HearAsync(MessageKey key, VoiceMessage voice, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var heard = await store.TryStartAsync(HeardVoice.Start(key, arrival), cancellationToken) is { } started
            ? Begin(started, voice)
            : await store.FindAsync(key, cancellationToken) ?? throw new InvalidOperationException($"The voice {key.MessageId} was started, yet is not stored.");
        var deadline = Min(arrival + window.Value.ReplyDeadline, WeChatRetries.GivesUpOn(heard.FirstArrival, arrival));
        while (!heard.IsFinished)
        {
            if (_hearing.TryGetValue(key, out var local))
            {
                return await local.WaitUntilAsync(deadline, timeProvider, cancellationToken) ? await local : heard;
            }

            var now = timeProvider.GetUtcNow();
            if (now - heard.StartedAt > AbandonedAfter)
            {
                TranscriptionLog.HearingTakenOver(logger, key.MessageId, (now - heard.StartedAt).TotalSeconds);
                heard = await store.TryReplaceAsync(heard with { StartedAt = now, Owner = HeardVoice.NewOwner() }, cancellationToken) is { } taken
                    ? Begin(taken, voice)
                    : await store.FindAsync(key, cancellationToken) ?? heard;
                continue;
            }

            if (!await Task.Delay(PollInterval, timeProvider, cancellationToken).WaitUntilAsync(deadline, timeProvider, cancellationToken))
            {
                return heard;
            }

            heard = await store.FindAsync(key, cancellationToken) ?? heard;
        }

        return heard;
    }

    /// <summary>Starts hearing the voice as background work; attempts on this instance wait for it in memory until it is stored.</summary>
    /// <returns>The voice as started, still being heard.</returns>
    private HeardVoice Begin(HeardVoice started, VoiceMessage voice)
    {
        var hearing = background.Begin(stopping => transcription.RunAsync(started, voice, stopping));
        _hearing[started.Key] = hearing;
        hearing.ContinueWith(done => _hearing.TryRemove(KeyValuePair.Create(started.Key, done)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return started;
    }

    private static DateTimeOffset Min(DateTimeOffset first, DateTimeOffset second) => first < second ? first : second;
}
