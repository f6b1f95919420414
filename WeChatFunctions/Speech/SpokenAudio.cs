namespace WeChatFunctions.Speech;

/// <summary>A follower's voice as WeChat serves it.</summary>
/// <param name="Format">The push's <c>Format</c>: <c>amr</c>, or <c>speex</c> for 16 kHz.</param>
/// <param name="ContentType">What <c>media/get</c> said the file is, such as <c>audio/amr</c>.</param>
internal sealed record SpokenAudio(byte[] Content, string Format, string ContentType)
{
    /// <summary>A file name whose extension says the format, for services and tools that look at it.</summary>
    public string FileName => $"voice.{(Format is "amr" or "speex" ? Format : "audio")}";
}
