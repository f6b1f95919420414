namespace WeChatFunctions.Speech;

/// <summary>A text-to-speech service (<c>tts_provider</c>).</summary>
internal interface ITextToSpeech
{
    /// <summary>Speaks <paramref name="text"/>, which is plain words, no Markdown.</summary>
    /// <returns>The speech as MP3, which WeChat takes as a voice.</returns>
    Task<byte[]> SpeakAsync(string text, CancellationToken cancellationToken);
}
