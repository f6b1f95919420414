namespace WeChatFunctions.Speech;

/// <summary>
/// How long a text takes to say, estimated before anyone is paid to say it: WeChat takes a voice of at most 60 s. The
/// rates are the slow end of what the speech services do, so that an estimate within <see cref="Limit"/> is a voice
/// WeChat takes.
/// </summary>
internal static class SpokenLength
{
    /// <summary>WeChat's 60 s, less a margin for voices slower than the estimate.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(55);

    /// <summary>A Chinese character, or a digit, which is read as one: about four a second.</summary>
    private static readonly TimeSpan PerCharacter = TimeSpan.FromSeconds(0.25);

    /// <summary>A word in Latin letters, about two and a half a second.</summary>
    private static readonly TimeSpan PerWord = TimeSpan.FromSeconds(0.4);

    /// <summary>The pause at a punctuation mark or the end of a line.</summary>
    private static readonly TimeSpan PerPause = TimeSpan.FromSeconds(0.2);

    public static TimeSpan Of(string text)
    {
        var length = TimeSpan.Zero;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsAsciiLetter(character))
            {
                length += index > 0 && char.IsAsciiLetter(text[index - 1]) ? TimeSpan.Zero : PerWord;
            }
            else if (char.IsLetterOrDigit(character))
            {
                length += PerCharacter;
            }
            else if (char.IsPunctuation(character) || character == '\n')
            {
                length += PerPause;
            }
        }

        return length;
    }
}
