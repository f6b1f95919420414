using WeChatFunctions.Speech;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>tts_provider=azure_speech: SSML to Azure AI Speech's REST API, with the resource's key.</summary>
public sealed class AzureSpeechVoiceTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    private const string SpeechKey = "speech-key-0123456789";

    [Fact]
    public async Task ASpokenQuestionIsAnsweredWithTheVoiceAzureSpokeFromEscapedSsml()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "**猫 & 老鼠**是朋友" });
        var weChat = StartAzureApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("猫和老鼠").From(Follower));

        Assert.Equal("voice", reply.MessageType);
        var spoken = Assert.Single(Speech.Requests);
        Assert.Equal(("azure_speech", "猫 & 老鼠是朋友。", "zh-CN-XiaoxiaoNeural", "zh-CN"), (spoken.Service, spoken.Text, spoken.Voice, spoken.Language));
        Assert.Equal((AzureTextToSpeech.OutputFormat, SpeechKey, "application/ssml+xml"), (spoken.Format, spoken.Credential, spoken.ContentType));
        Assert.Equal(FakeTextToSpeech.AudioOf(spoken.Text), UploadedVoice(reply.MediaId).Content);
    }

    [Fact]
    public async Task TheVoiceSettingChoosesTheVoiceAndItsLanguage()
    {
        var weChat = StartAzureApp(settings => settings["tts_voice"] = "en-US-AvaMultilingualNeural");

        await weChat.PushAsync(SignedPush.Voice("hello").From(Follower));

        var spoken = Assert.Single(Speech.Requests);
        Assert.Equal(("en-US-AvaMultilingualNeural", "en-US"), (spoken.Voice, spoken.Language));
    }

    [Fact]
    public async Task AnAzureRefusalLeavesTheAnswerAsText()
    {
        Speech.FailureStatus = 401;
        var weChat = StartAzureApp();

        var reply = await weChat.PushAsync(SignedPush.Voice("你好").From(Follower));

        Assert.Equal("回答：你好", reply.Content);
        Assert.Empty(Account.Api.Media.Uploads);
    }

    [Theory]
    [InlineData("https://my-speech.cognitiveservices.azure.com/", "https://my-speech.cognitiveservices.azure.com/tts/cognitiveservices/v1")]
    [InlineData("https://eastasia.api.cognitive.microsoft.com", "https://eastasia.tts.speech.microsoft.com/cognitiveservices/v1")]
    [InlineData("https://eastasia.tts.speech.microsoft.com/", "https://eastasia.tts.speech.microsoft.com/cognitiveservices/v1")]
    public void EachFormOfTheEndpointSynthesisesWhereAzureServesIt(string endpoint, string synthesis) =>
        Assert.Equal(new Uri(synthesis), AzureTextToSpeech.SynthesisUri(new Uri(endpoint)));

    private WeChatClient StartAzureApp(Action<Dictionary<string, string?>>? change = null) => StartApp(change: settings =>
    {
        settings["tts_provider"] = "azure_speech";
        settings["speech_endpoint"] = Fixture.Model.BaseAddress.ToString();
        settings["speech_key"] = SpeechKey;
        change?.Invoke(settings);
    });
}
