using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Speech;

/// <summary>
/// Speaks an answer whose text is final and uploads the voice, for the generator to save the answer with: spoken
/// questions' answers with <c>voice_reply=voice_questions</c>, every answer's with <c>always</c> (a picture's never).
/// Whatever stops the voice (too long, code, a speech or upload failure, time) leaves the answer as text, counted by
/// reason in the statistics; the history keeps the text either way.
/// </summary>
internal sealed class SpokenAnswers(
    ITextToSpeech speech,
    WeChatMedia media,
    StatisticsRecorder statistics,
    TimeProvider timeProvider,
    IOptions<VoiceReplyOptions> options,
    IOptions<CustomerServiceOptions> delivery,
    ILogger<SpokenAnswers> logger) : ISpokenAnswers
{
    /// <summary>WeChat's limit for a voice.</summary>
    private const int MaxVoiceBytes = 2 * 1024 * 1024;

    /// <summary>After WeChat refuses an upload for the account (48001), answers go as text without paying for speech first.</summary>
    private static readonly TimeSpan RefusalRemembered = TimeSpan.FromHours(1);

    /// <summary>Less time than this is not worth paying for speech that will most likely not be ready.</summary>
    private static readonly TimeSpan LeastTime = TimeSpan.FromSeconds(1);

    /// <summary>Room after the voice for the finished answer to be saved before WeChat's last attempt stops waiting.</summary>
    private static readonly TimeSpan SaveMargin = TimeSpan.FromSeconds(0.5);

    private long _uploadsRefusedUntilTicks;

    public async Task<AnswerMedia?> SpeakAsync(ReplyClaim claim, DialogOutcome outcome, CancellationToken cancellationToken)
    {
        // An answer that drew a picture is delivered as its words and the picture, never as a voice.
        if (!IsSpoken(claim.Form) || outcome is not { IsAnswer: true, IsInterrupted: false, Media: null, Exchange.Answer: var answer })
        {
            return null;
        }

        var (voice, result) = await TrySpeakAsync(claim.Key.MessageId, answer, TimeAllowed(claim), cancellationToken);
        statistics.VoiceReplied(result);
        return voice;
    }

    private bool IsSpoken(QuestionForm form) => options.Value.Mode switch
    {
        VoiceReplyOptions.Always => form != QuestionForm.Drawing,
        VoiceReplyOptions.VoiceQuestions => form == QuestionForm.Spoken,
        _ => false,
    };

    /// <summary>
    /// <c>tts_timeout_seconds</c>; but while WeChat still waits on a passive reply, only until its last attempt stops
    /// waiting, since the whole text then beats the part of it that attempt would show, with the rest on 「继续」.
    /// </summary>
    private TimeSpan TimeAllowed(ReplyClaim claim)
    {
        var now = timeProvider.GetUtcNow();
        var lastAttemptStops = claim.FirstArrival + WeChatRetries.Window - ReplyWindow.LastAttemptWriteMargin - SaveMargin;
        var waited = delivery.Value.ReplyMode == CustomerServiceOptions.Passive && now < claim.FirstArrival + WeChatRetries.Window;
        return waited && lastAttemptStops - now < options.Value.Timeout ? lastAttemptStops - now : options.Value.Timeout;
    }

    private async Task<(AnswerMedia? Voice, string Outcome)> TrySpeakAsync(string messageId, string answer, TimeSpan allowed, CancellationToken cancellationToken)
    {
        if (SpeakableText.Of(answer) is not { } words)
        {
            return (null, VoiceReplyOutcome.NotSpeakable);
        }

        if (SpokenLength.Of(words) > SpokenLength.Limit)
        {
            return (null, VoiceReplyOutcome.TooLong);
        }

        if (timeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _uploadsRefusedUntilTicks))
        {
            return (null, VoiceReplyOutcome.UploadRefused);
        }

        if (allowed < LeastTime)
        {
            return (null, VoiceReplyOutcome.TimedOut);
        }

        using var timeout = new CancellationTokenSource(allowed, timeProvider);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var mp3 = await speech.SpeakAsync(words, bounded.Token);
            if (mp3.Length > MaxVoiceBytes)
            {
                return (null, VoiceReplyOutcome.TooLong);
            }

            var mediaId = await media.UploadAsync(new MediaUpload(MediaKind.Voice, mp3, "answer.mp3", "audio/mpeg"), bounded.Token);
            return (new AnswerMedia(MediaKind.Voice, mediaId), VoiceReplyOutcome.Spoken);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            VoiceReplyLog.TimedOut(logger, messageId, allowed.TotalSeconds);
            return (null, VoiceReplyOutcome.TimedOut);
        }
        catch (WeChatApiException exception) when (exception.Problem == WeChatApiProblem.NotAuthorised)
        {
            Interlocked.Exchange(ref _uploadsRefusedUntilTicks, (timeProvider.GetUtcNow() + RefusalRemembered).UtcTicks);
            VoiceReplyLog.UploadsRefused(logger, (int)RefusalRemembered.TotalMinutes);
            return (null, VoiceReplyOutcome.UploadRefused);
        }
        catch (WeChatApiException exception)
        {
            VoiceReplyLog.UploadFailed(logger, messageId, exception.ErrorCode, exception);
            return (null, VoiceReplyOutcome.UploadFailed);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            VoiceReplyLog.SpeechFailed(logger, messageId, exception);
            return (null, VoiceReplyOutcome.SpeechFailed);
        }
    }
}
