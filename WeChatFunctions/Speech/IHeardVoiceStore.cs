using WeChatFunctions.Claims;

namespace WeChatFunctions.Speech;

/// <summary>Voices being heard or heard, one per message, beside the message's claim.</summary>
internal interface IHeardVoiceStore
{
    /// <summary>Stores a voice the first attempt starts to hear, unless one is stored already.</summary>
    /// <returns>The voice as stored, or <see langword="null"/> when another attempt started it first.</returns>
    Task<HeardVoice?> TryStartAsync(HeardVoice voice, CancellationToken cancellationToken);

    Task<HeardVoice?> FindAsync(MessageKey key, CancellationToken cancellationToken);

    /// <summary>Replaces the voice if it is still at the version read.</summary>
    /// <returns>The voice as stored, or <see langword="null"/> when another write came first.</returns>
    Task<HeardVoice?> TryReplaceAsync(HeardVoice voice, CancellationToken cancellationToken);

    /// <summary>Marks that the follower was shown the hint about WeChat's own recognition, unless they were within the last day.</summary>
    /// <returns>Whether the mark is new, and so the hint is due.</returns>
    Task<bool> TryMarkHintAsync(string followerId, DateTimeOffset at, CancellationToken cancellationToken);
}
