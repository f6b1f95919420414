using System.Text.Json.Nodes;
using WeChatFunctions.Tests.Publishing;

namespace WeChatFunctions.Tests.Infra;

/// <summary>
/// The optional Azure AI Speech resource and the image and speech model deployments, from the azd variables an
/// operator sets to the resources, the role and the app settings that `azd provision` would deploy.
/// </summary>
[Collection(HeavyBuilds.Name)]
public sealed class VoiceAndPictureDeploymentTests
{
    /// <summary>The account's AppID; its AppSecret is a secure parameter, which the snapshot leaves an expression.</summary>
    private const string AppId = "wx0123456789abcdef";

    private const string SpeechUserRole = "f2dc8367-1007-4938-bd23-fe263f013447"; // Cognitive Services Speech User

    private static readonly string[] MediaSettings =
        ["speech_endpoint", "transcription_provider", "tts_provider", "transcription_model", "tts_model", "image_model", "image_generation", "voice_reply"];

    [Fact]
    public async Task WithoutTheNewVariablesNothingForVoicesOrPicturesIsDeployedOrSet()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string> { ["DEPLOY_AZURE_OPENAI"] = "true" });

        Assert.DoesNotContain(snapshot.OfType("Microsoft.CognitiveServices/accounts"), account => (string?)account["kind"] == "SpeechServices");
        Assert.Equal(["gpt-4o-mini"], Deployments(snapshot));
        Assert.DoesNotContain(snapshot.AppSettings, setting => MediaSettings.Contains(setting.Key));
        Assert.Equal("", (string?)snapshot.Outputs["SPEECH_ENDPOINT"]);
    }

    [Fact]
    public async Task AzureSpeechIsAKeylessResourceOnItsCustomDomainThatTheAppsIdentityMayUse()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string> { ["DEPLOY_AZURE_SPEECH"] = "true", ["WECHAT_APP_ID"] = AppId });
        var withoutAccount = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string> { ["DEPLOY_AZURE_SPEECH"] = "true" });

        var speech = Assert.Single(snapshot.OfType("Microsoft.CognitiveServices/accounts"), account => (string?)account["kind"] == "SpeechServices");
        var name = (string)speech["name"]!;
        var assignment = Assert.Single(SpeechRoleAssignments(snapshot));
        Assert.Equal(name, (string?)speech["properties"]!["customSubDomainName"]);
        Assert.True((bool)speech["properties"]!["disableLocalAuth"]!);
        Assert.Equal("S0", (string?)speech["sku"]!["name"]);
        Assert.Equal("southeastasia", (string?)speech["location"]); // eastasia, the app's region here, has no fast transcription
        Assert.Contains($"/accounts/{name}'", (string)assignment["id"]!, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities/id-wechat-", (string)assignment["properties"]!["principalId"]!, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);

        Assert.Equal($"https://{name}.cognitiveservices.azure.com", (string?)snapshot.AppSettings["speech_endpoint"]);
        Assert.Equal("azure_speech", (string?)snapshot.AppSettings["transcription_provider"]);
        Assert.Equal("azure_speech", (string?)snapshot.AppSettings["tts_provider"]);
        Assert.Null(snapshot.AppSettings["speech_key"]);
        Assert.Null(snapshot.AppSettings["voice_reply"]);
        Assert.Equal($"https://{name}.cognitiveservices.azure.com", (string?)snapshot.Outputs["SPEECH_ENDPOINT"]);
        // A voice is downloaded with the account's credentials, without which the app refuses to hear voices at all.
        Assert.Null(withoutAccount.AppSettings["transcription_provider"]);
        Assert.Equal("azure_speech", (string?)withoutAccount.AppSettings["tts_provider"]);
    }

    [Fact]
    public async Task VoiceAnswersStayTheOperatorsChoiceThroughTheOverrides()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_SPEECH"] = "true",
            ["APP_SETTING_OVERRIDES"] = """{"voice_reply":"voice_questions","speech_locales":"zh-CN,en-US"}""",
        });

        Assert.Equal("voice_questions", (string?)snapshot.AppSettings["voice_reply"]);
        Assert.Equal("zh-CN,en-US", (string?)snapshot.AppSettings["speech_locales"]);
        Assert.Equal("azure_speech", (string?)snapshot.AppSettings["tts_provider"]);
    }

    [Fact]
    public async Task SpeechModelsOnAzureOpenAITranscribeAndSpeakByTheirDeploymentNames()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_OPENAI"] = "true",
            ["DEPLOY_SPEECH_MODELS"] = "true",
        });

        Assert.Equal(["gpt-4o-mini", "gpt-4o-mini-transcribe", "gpt-4o-mini-tts"], Deployments(snapshot));
        Assert.Equal("gpt-4o-mini-transcribe", (string?)snapshot.AppSettings["transcription_model"]);
        Assert.Equal("gpt-4o-mini-tts", (string?)snapshot.AppSettings["tts_model"]);
        Assert.Null(snapshot.AppSettings["transcription_provider"]); // openai needs ffmpeg, which Flex Consumption lacks
        Assert.Equal("openai", (string?)snapshot.AppSettings["tts_provider"]);
        Assert.Null(snapshot.AppSettings["speech_endpoint"]);
        Assert.Empty(SpeechRoleAssignments(snapshot));
    }

    [Fact]
    public async Task AzureSpeechTakesOverFromTheSpeechModelsAndTheFreeTierOnlySpeaks()
    {
        var standard = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_OPENAI"] = "true",
            ["DEPLOY_SPEECH_MODELS"] = "true",
            ["DEPLOY_AZURE_SPEECH"] = "true",
            ["WECHAT_APP_ID"] = AppId,
        });
        var free = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_OPENAI"] = "true",
            ["DEPLOY_SPEECH_MODELS"] = "true",
            ["DEPLOY_AZURE_SPEECH"] = "true",
            ["AZURE_SPEECH_SKU"] = "F0",
            ["SPEECH_LOCATION"] = "eastus2",
            ["WECHAT_APP_ID"] = AppId,
        });

        Assert.Equal("azure_speech", (string?)standard.AppSettings["transcription_provider"]);
        Assert.Equal("azure_speech", (string?)standard.AppSettings["tts_provider"]);
        Assert.Equal("gpt-4o-mini-transcribe", (string?)standard.AppSettings["transcription_model"]);

        var freeSpeech = Assert.Single(free.OfType("Microsoft.CognitiveServices/accounts"), account => (string?)account["kind"] == "SpeechServices");
        Assert.Equal("F0", (string?)freeSpeech["sku"]!["name"]);
        Assert.Equal("eastus2", (string?)freeSpeech["location"]);
        Assert.Null(free.AppSettings["transcription_provider"]); // F0 offers no fast transcription, and openai needs ffmpeg
        Assert.Equal("azure_speech", (string?)free.AppSettings["tts_provider"]);
    }

    [Fact]
    public async Task AnImageModelDeploymentTurnsPicturesOnWithinItsDefaultQuota()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_OPENAI"] = "true",
            ["DEPLOY_IMAGE_MODEL"] = "true",
            ["WECHAT_APP_ID"] = AppId,
        });
        var withoutAccount = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_AZURE_OPENAI"] = "true",
            ["DEPLOY_IMAGE_MODEL"] = "true",
        });

        var image = Assert.Single(snapshot.OfType("Microsoft.CognitiveServices/accounts/deployments"), deployment => ((string)deployment["name"]!).EndsWith("/gpt-image-1", StringComparison.Ordinal));
        Assert.Equal("gpt-image-1", (string?)image["properties"]!["model"]!["name"]);
        Assert.Equal("GlobalStandard", (string?)image["sku"]!["name"]);
        Assert.Equal(2, (int)image["sku"]!["capacity"]!); // the default quota: 2 units, 6 requests a minute
        Assert.Equal("gpt-image-1", (string?)snapshot.AppSettings["image_model"]);
        Assert.Equal("on", (string?)snapshot.AppSettings["image_generation"]);
        Assert.Null(snapshot.AppSettings["transcription_provider"]);
        // Sending pictures needs the account's credentials, without which the app refuses image_generation=on.
        Assert.Equal("gpt-image-1", (string?)withoutAccount.AppSettings["image_model"]);
        Assert.Null(withoutAccount.AppSettings["image_generation"]);
    }

    [Fact]
    public async Task ModelDeploymentsNeedTheAzureOpenAIAccountAndSetNothingWithoutIt()
    {
        var snapshot = await DeploymentSnapshot.PredictAsync(new Dictionary<string, string>
        {
            ["DEPLOY_IMAGE_MODEL"] = "true",
            ["DEPLOY_SPEECH_MODELS"] = "true",
        });

        Assert.Empty(snapshot.OfType("Microsoft.CognitiveServices/accounts"));
        Assert.DoesNotContain(snapshot.AppSettings, setting => MediaSettings.Contains(setting.Key));
        Assert.Equal("https://api.openai.com/v1", (string?)snapshot.AppSettings["chat_gpt_endpoint"]);
    }

    private static List<string> Deployments(DeploymentSnapshot snapshot) =>
        [.. snapshot.OfType("Microsoft.CognitiveServices/accounts/deployments").Select(deployment => ((string)deployment["name"]!).Split('/')[1]).Order(StringComparer.Ordinal)];

    private static IEnumerable<JsonObject> SpeechRoleAssignments(DeploymentSnapshot snapshot) =>
        snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => ((string)assignment["properties"]!["roleDefinitionId"]!).EndsWith(SpeechUserRole, StringComparison.Ordinal));
}
