using System.Globalization;
using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Simulator;

/// <summary>
/// The simulator sending voices without WeChat's recognition: with <c>--service-account</c> it keeps each voice for the
/// app's media/get, as WeChat does, and the app hears it (with the fake Azure AI Speech) and answers.
/// </summary>
public sealed class VoiceSimulatorTests(WeChatFixture fixture) : FollowerTest(fixture), IDisposable
{
    private const string AppId = "wxsimulator000000";

    private const string AppSecret = "simulatorappsecret0000000000000";

    private readonly string _voice = Path.Combine(Path.GetTempPath(), $"voice-{Guid.NewGuid():N}.amr");

    [Fact]
    public async Task AVoiceFileIsServedToTheAppWhichHearsAndAnswersIt()
    {
        await using var speech = await FakeFastTranscriptionServer.StartAsync();
        var audio = HearingAccount.NewAmr();
        await File.WriteAllBytesAsync(_voice, audio);
        speech.Hear(audio, "模拟器里说的话");

        var (exitCode, output) = await SimulateAsync(speech, $":voice-file {_voice}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("> [语音，没有识别结果]\n", output, StringComparison.Ordinal);
        Assert.Contains("回复：\n（听到：模拟器里说的话）\n\n回答：模拟器里说的话\n", output, StringComparison.Ordinal);
        Assert.Equal("voice.amr", Assert.Single(speech.RequestsFor(audio)).FileName);
    }

    [Fact]
    public async Task AVoiceWithoutTextIsASecondOfSilenceThatTheAppCannotHear()
    {
        await using var speech = await FakeFastTranscriptionServer.StartAsync();

        var (exitCode, output) = await SimulateAsync(speech, ":voice");

        Assert.True(exitCode == 0, output);
        Assert.Contains("回复：\n没听清，请再说一遍或打字。\n", output, StringComparison.Ordinal);
        Assert.Single(speech.RequestsFor(SimulatedVoice.Silence));
    }

    private async Task<(int ExitCode, string Output)> SimulateAsync(FakeFastTranscriptionServer speech, string message)
    {
        var port = FreePort.Next();
        var app = Fixture.StartApplication(settings =>
        {
            settings["wechat_app_id"] = AppId;
            settings["wechat_app_secret"] = AppSecret;
            settings["wechat_api_base"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
            settings["transcription_provider"] = "azure_speech";
            settings["speech_endpoint"] = speech.Endpoint.ToString();
            settings["speech_key"] = FakeFastTranscriptionServer.Key;
        });
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await WeChatFunctions.Simulator.Simulator.RunAsync(
            ["--url", new Uri(app.ServerAddress, "/api/wechat").ToString(), "--token", WeChatApplication.WeChatToken, "--service-account", "--api-port", port.ToString(CultureInfo.InvariantCulture), message],
            TextReader.Null,
            output);
        return (exitCode, output.ToString());
    }

    public void Dispose() => File.Delete(_voice);
}
