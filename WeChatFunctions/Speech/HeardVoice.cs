using WeChatFunctions.Claims;

namespace WeChatFunctions.Speech;

/// <summary>What became of a voice the app transcribes.</summary>
internal enum HearingOutcome
{
    /// <summary>Still being downloaded and transcribed.</summary>
    Hearing,

    Heard,

    /// <summary>The provider heard no speech.</summary>
    Empty,

    /// <summary><c>media/get</c> refused with 48001: the account may not download media (unverified accounts).</summary>
    NotAuthorised,

    /// <summary><c>media/get</c> failed otherwise.</summary>
    DownloadFailed,

    ProviderFailed,

    /// <summary>Download and transcription together took longer than <see cref="VoiceTranscription.Timeout"/>.</summary>
    TimedOut,
}

/// <summary>
/// A voice the app transcribes, as kept beside the message's claim: started by the first attempt that reached any
/// instance, then what was heard or why nothing was. WeChat's retries, on any instance, reuse it rather than
/// transcribe again, and all of them give the same reply.
/// </summary>
/// <param name="Transcript">What was heard, when <paramref name="Outcome"/> is <see cref="HearingOutcome.Heard"/>.</param>
/// <param name="HintShown">For <see cref="HearingOutcome.NotAuthorised"/>: whether this message's reply carries the hint for the admins.</param>
/// <param name="FirstArrival">When the first attempt reached any instance, for the message's claim and the claims' cleanup.</param>
/// <param name="StartedAt">When the transcription that is under way began; one that began too long ago has died with its instance.</param>
/// <param name="Owner">A random id of the transcription that is under way, to tell its own writes from another's.</param>
/// <param name="Version">The storage version (ETag) this copy was read or written at.</param>
internal sealed record HeardVoice(
    MessageKey Key,
    HearingOutcome Outcome,
    string Transcript,
    bool HintShown,
    DateTimeOffset FirstArrival,
    DateTimeOffset StartedAt,
    string Owner,
    string Version = "")
{
    public static HeardVoice Start(MessageKey key, DateTimeOffset arrival) =>
        new(key, HearingOutcome.Hearing, "", HintShown: false, arrival, arrival, NewOwner());

    public static string NewOwner() => Guid.NewGuid().ToString("N");

    public bool IsFinished => Outcome != HearingOutcome.Hearing;
}
