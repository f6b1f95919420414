using WeChatFunctions.Settings;

namespace WeChatFunctions.Tests.Speech;

/// <summary>A test that runs the real ffmpeg: it runs where one is on the PATH (apt-get install ffmpeg), as in the container image.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (RealFfmpeg is null)
        {
            Skip = "No ffmpeg on the PATH; install one (apt-get install ffmpeg) to convert a real AMR voice.";
        }
    }

    public static string? RealFfmpeg => ExecutableSearch.OnPath("ffmpeg");
}
