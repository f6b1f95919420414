namespace WeChatFunctions.Simulator;

/// <summary>
/// The voices a simulated follower sends without WeChat's recognition: files that the simulated API keeps for the
/// app's <c>media/get</c>, as WeChat keeps a voice for three days.
/// </summary>
public static class SimulatedVoice
{
    /// <summary>A second of silence in AMR-NB: the file's header and 50 frames of 20 ms with no data.</summary>
    public static byte[] Silence => [.. "#!AMR\n"u8, .. Enumerable.Repeat((byte)0x7C, 50)];

    /// <summary>The push's <c>Format</c> for a file: <c>speex</c> for .speex and .spx, else <c>amr</c>, as WeChat records.</summary>
    public static string FormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".speex" or ".spx" ? "speex" : "amr";

    public static string ContentTypeOf(string format) => format == "speex" ? "audio/speex" : "audio/amr";
}
