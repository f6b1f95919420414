using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Speech;

/// <summary>
/// Hears one voice: downloads it with <c>media/get</c>, transcribes it, counts the outcome and stores it for every
/// attempt at the message. It runs as background work, bounded by <see cref="Timeout"/> rather than by WeChat's
/// attempt, so that a slow voice is still heard for the next attempt.
/// </summary>
internal sealed class VoiceTranscription(
    WeChatMedia media,
    ISpeechTranscriber transcriber,
    IHeardVoiceStore store,
    StatisticsRecorder statistics,
    TimeProvider timeProvider,
    ILogger<VoiceTranscription> logger)
{
    /// <summary>Download and transcription together: about 1–3 s normally, so this leaves WeChat's retries room to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    /// <summary>A transcript is the question; far longer than a 60-second voice says, and within what a table row holds.</summary>
    public const int MaxTranscriptCharacters = 8000;

    /// <returns>The voice as heard, stored when storage allowed.</returns>
    public async Task<HeardVoice> RunAsync(HeardVoice started, VoiceMessage voice, CancellationToken stopping)
    {
        var began = timeProvider.GetTimestamp();
        var (outcome, transcript) = await HearAsync(started.Key.MessageId, voice, stopping);
        var hint = outcome == HearingOutcome.NotAuthorised && await store.TryMarkHintAsync(started.Key.FollowerId, timeProvider.GetUtcNow(), stopping);
        var elapsed = timeProvider.GetElapsedTime(began);
        TranscriptionLog.VoiceHeard(logger, started.Key.MessageId, (long)elapsed.TotalMilliseconds, outcome, transcript.Length);
        statistics.VoiceHeard(timeProvider.GetUtcNow(), HearingStatistics.NameOf(outcome));
        var heard = started with { Outcome = outcome, Transcript = transcript, HintShown = hint };
        try
        {
            // Not cancelled: the outcome is known, and attempts on other instances wait for it.
            return await store.TryReplaceAsync(heard, CancellationToken.None) ?? heard;
        }
        catch (Exception exception)
        {
            TranscriptionLog.HeardVoiceNotSaved(logger, started.Key.MessageId, exception);
            return heard;
        }
    }

    private async Task<(HearingOutcome Outcome, string Transcript)> HearAsync(string messageId, VoiceMessage voice, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            var file = await media.DownloadAsync(voice.MediaId, bound.Token);
            var transcript = (await transcriber.TranscribeAsync(new SpokenAudio(file.Content, voice.Format, file.ContentType), bound.Token)).Trim();
            return transcript.Length == 0
                ? (HearingOutcome.Empty, "")
                : (HearingOutcome.Heard, transcript.Length > MaxTranscriptCharacters ? transcript[..MaxTranscriptCharacters] : transcript);
        }
        catch (WeChatApiException refused) when (refused.Problem == WeChatApiProblem.NotAuthorised)
        {
            TranscriptionLog.VoiceNotAuthorised(logger, messageId);
            return (HearingOutcome.NotAuthorised, "");
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            var outcome = timeout.IsCancellationRequested ? HearingOutcome.TimedOut
                : exception is WeChatApiException ? HearingOutcome.DownloadFailed
                : HearingOutcome.ProviderFailed;
            TranscriptionLog.VoiceNotHeard(logger, messageId, outcome, exception);
            return (outcome, "");
        }
    }
}
