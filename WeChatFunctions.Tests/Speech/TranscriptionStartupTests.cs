using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Settings;

namespace WeChatFunctions.Tests.Speech;

/// <summary>Transcription that could not work stops the app at start-up with one line, not at a follower's first voice.</summary>
public sealed class TranscriptionStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wechatfunctions-").FullName;

    [Theory]
    [InlineData("whisper", false, null, "'transcription_provider' must be azure_speech, openai or off")]
    [InlineData("azure_speech", false, null, "'wechat_app_id' and 'wechat_app_secret' are not both set")]
    [InlineData("azure_speech", true, null, "'speech_endpoint' is not set")]
    [InlineData("openai", true, null, "no ffmpeg is on PATH")]
    [InlineData("openai", true, "/no/such/ffmpeg", "Setting 'ffmpeg_path' names '/no/such/ffmpeg', which does not exist.")]
    public async Task TranscriptionWithoutWhatItNeedsStopsTheAppWithOneLineSayingWhat(string provider, bool hasAccount, string? ffmpeg, string expected)
    {
        var settings = StartupTests.ValidSettings();
        settings["transcription_provider"] = provider;
        settings["ffmpeg_path"] = ffmpeg;
        // Whether or not this machine has an ffmpeg, the app's PATH has none.
        settings["PATH"] = _directory;
        if (hasAccount)
        {
            settings["wechat_app_id"] = "wx0123456789abcdef";
            settings["wechat_app_secret"] = "secret-alongside-0123456789";
        }

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        var line = await app.ConfigurationErrorAsync(StartupTests.StartTimeout);

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-alongside-0123456789", app.Output + app.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
