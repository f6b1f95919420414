namespace WeChatFunctions.Speech;

/// <summary>Turns a follower's voice into text, with the provider <c>transcription_provider</c> names.</summary>
internal interface ISpeechTranscriber
{
    /// <returns>What was said, or an empty string when nothing was heard; a failing provider throws.</returns>
    Task<string> TranscribeAsync(SpokenAudio audio, CancellationToken cancellationToken);
}
