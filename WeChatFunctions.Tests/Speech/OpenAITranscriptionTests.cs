using System.Runtime.Versioning;
using System.Text;
using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>
/// The <c>openai</c> provider: the voice made a WAV by ffmpeg, then <c>/audio/transcriptions</c> beside the chat API.
/// ffmpeg is mostly played by a script that keeps what it was given and writes the WAV the test chose, which shows how
/// the app drives ffmpeg and what it sends on; one test runs the real ffmpeg where the machine has one, and the container
/// image's own test checks that the image has it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OpenAITranscriptionTests(WeChatFixture fixture) : FollowerTest(fixture), IDisposable
{
    private static readonly byte[] Wav = [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0, 0x80, 0x3E, 0, 0, 0, 0x7D, 0, 0, 2, 0, 16, 0, .. "data"u8, 0, 0, 0, 0];

    private readonly string _tools = Directory.CreateTempSubdirectory("fake-ffmpeg-").FullName;

    [Fact]
    public async Task AVoiceIsMadeAWavByFfmpegAndHeardByTheTranscriptionModel()
    {
        await using var account = VerifiedAccount.Start();
        Fixture.Model.Transcriptions.Transcript = audio => audio.AsSpan().SequenceEqual(Wav) ? "你好吗" : "";
        var weChat = Fixture.StartApplication(settings => UseOpenAI(settings, account, FakeFfmpeg(exitCode: 0))).CreateWeChatClient();
        var amr = HearingAccount.NewAmr();

        var reply = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Voice(recognition: null, account.Api.Media.Add(amr, "audio/amr")).From(Follower));

        Assert.Equal("（听到：你好吗）\n\n回答：你好吗", reply.Content);
        var request = Assert.Single(Fixture.Model.Transcriptions.Requests);
        Assert.Equal(("gpt-4o-mini-transcribe", "zh", "voice.wav", "Bearer sk-test-0123456789abcdef"), (request.Model, request.Language, request.FileName, request.Authorization));
        Assert.Equal(Wav, request.Audio);
        Assert.Equal(amr, await File.ReadAllBytesAsync(Path.Combine(_tools, "input")));
        var arguments = await File.ReadAllLinesAsync(Path.Combine(_tools, "arguments"));
        Assert.EndsWith(".amr", arguments[Array.IndexOf(arguments, "-i") + 1], StringComparison.Ordinal);
        Assert.Equal(["-ac", "1", "-ar", "16000", "-f", "wav"], arguments[(Array.IndexOf(arguments, "-i") + 2)..^1]);
    }

    [FfmpegFact]
    public async Task TheRealFfmpegMakesA16KilohertzMonoWavOfAnAmrVoice()
    {
        await using var account = VerifiedAccount.Start();
        Fixture.Model.Transcriptions.Transcript = audio => IsMono16Kilohertz(audio) ? "一秒安静" : "";
        var weChat = Fixture.StartApplication(settings => UseOpenAI(settings, account, FfmpegFactAttribute.RealFfmpeg!)).CreateWeChatClient();

        var reply = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Voice(recognition: null, account.Api.Media.Add(SimulatedVoice.Silence, "audio/amr")).From(Follower));

        Assert.Equal("（听到：一秒安静）\n\n回答：一秒安静", reply.Content);
        var wav = Assert.Single(Fixture.Model.Transcriptions.Requests).Audio;
        // 16-bit samples at 16 kHz: a second of them, after the header.
        Assert.InRange(wav.Length, 32_000, 33_000);
    }

    [Fact]
    public async Task AVoiceFfmpegCannotReadGetsTheApologyAndReachesNoModel()
    {
        await using var account = VerifiedAccount.Start();
        var weChat = Fixture.StartApplication(settings => UseOpenAI(settings, account, FakeFfmpeg(exitCode: 1))).CreateWeChatClient();

        var reply = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Voice(recognition: null, account.Api.Media.Add(HearingAccount.NewAmr(), "audio/amr")).From(Follower));

        Assert.StartsWith("抱歉，语音识别暂时出了问题", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Transcriptions.Requests);
        Assert.Empty(Fixture.Model.Requests);
    }

    /// <summary>A WAV's format chunk, where ffmpeg writes it: one channel, 16,000 samples a second.</summary>
    private static bool IsMono16Kilohertz(byte[] wav) =>
        wav.Length > 28 && wav.AsSpan(12, 4).SequenceEqual("fmt "u8) && BitConverter.ToInt16(wav, 22) == 1 && BitConverter.ToInt32(wav, 24) == 16_000;

    private static void UseOpenAI(Dictionary<string, string?> settings, VerifiedAccount account, string ffmpeg)
    {
        account.Configure(settings, "passive");
        settings["transcription_provider"] = "openai";
        settings["ffmpeg_path"] = ffmpeg;
    }

    /// <summary>A stand-in for ffmpeg: keeps its arguments and its input, then writes <see cref="Wav"/> to its last argument, or fails.</summary>
    private string FakeFfmpeg(int exitCode)
    {
        File.WriteAllBytes(Path.Combine(_tools, "output.wav"), Wav);
        var script = Path.Combine(_tools, "ffmpeg");
        File.WriteAllText(script, $"""
            #!/bin/sh
            dir=$(dirname "$0")
            printf '%s\n' "$@" > "$dir/arguments"
            previous=""
            for argument in "$@"; do
              if [ "$previous" = "-i" ]; then cp "$argument" "$dir/input"; fi
              previous=$argument
            done
            if [ {exitCode} -ne 0 ]; then echo "Invalid data found when processing input" >&2; exit {exitCode}; fi
            cp "$dir/output.wav" "$previous"

            """.ReplaceLineEndings("\n"), Encoding.ASCII);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    public void Dispose() => Directory.Delete(_tools, recursive: true);
}
