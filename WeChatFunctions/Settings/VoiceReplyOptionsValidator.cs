using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class VoiceReplyAttributesValidator : IValidateOptions<VoiceReplyOptions>;

/// <summary>A voice is uploaded to WeChat before it is sent, which needs the account's API credentials; Azure AI Speech needs its resource.</summary>
internal sealed class VoiceReplyOptionsValidator(IOptions<CustomerServiceOptions> wechatApi, IOptions<SpeechOptions> speech) : IValidateOptions<VoiceReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceReplyOptions options)
    {
        if (options.IsEnabled && !wechatApi.Value.HasCredentials)
        {
            return ValidateOptionsResult.Fail(
                $"Setting 'voice_reply' is {options.Mode}, but 'wechat_app_id' and 'wechat_app_secret' are not both set: a spoken answer is uploaded through WeChat's API first.");
        }

        if (options.IsEnabled && options.Provider == VoiceReplyOptions.AzureSpeech && speech.Value.Endpoint is null)
        {
            return ValidateOptionsResult.Fail(
                "Setting 'speech_endpoint' is required when 'tts_provider' is azure_speech: the Azure AI Speech resource, such as https://{name}.cognitiveservices.azure.com/.");
        }

        return ValidateOptionsResult.Success;
    }
}
