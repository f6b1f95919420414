namespace WeChatFunctions.Simulator;

/// <summary>
/// The voices a simulated follower sends without WeChat's recognition: files that the simulated API keeps for the
/// app's <c>media/get</c>, as WeChat keeps a voice for three days.
/// </summary>
public static class SimulatedVoice
{
    /// <summary>A 20 ms frame of AMR-NB at 12.2 kbit/s (its 0x3C header and 31 bytes) whose parameters are all zero: near silence.</summary>
    private static readonly byte[] QuietFrame = [0x3C, .. new byte[31]];

    /// <summary>A second of near silence in AMR-NB. Frames without data (NO_DATA) would be shorter, but ffmpeg rejects them.</summary>
    public static byte[] Silence => [.. "#!AMR\n"u8, .. Enumerable.Repeat(QuietFrame, 50).SelectMany(frame => frame)];

    /// <summary>The push's <c>Format</c> for a file: <c>speex</c> for .speex and .spx, else <c>amr</c>, as WeChat records.</summary>
    public static string FormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".speex" or ".spx" ? "speex" : "amr";

    public static string ContentTypeOf(string format) => format == "speex" ? "audio/speex" : "audio/amr";
}
