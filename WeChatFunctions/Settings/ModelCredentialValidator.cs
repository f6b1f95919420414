using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Checks the rules that span several model settings.</summary>
internal sealed class ModelCredentialValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        if (!options.Endpoint.IsWebAddress())
        {
            return ValidateOptionsResult.Fail("Setting 'chat_gpt_endpoint' must be an absolute http(s) URL, such as https://api.openai.com/v1.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && !options.UsesAzureIdentity)
        {
            return ValidateOptionsResult.Fail(
                "Setting 'chat_gpt_token' is required: the model API key (Azure OpenAI endpoints without a key use Entra ID, as does 'chat_gpt_use_azure_identity=true').");
        }

        if (options.HttpProxy is { IsAbsoluteUri: false })
        {
            return ValidateOptionsResult.Fail("Setting 'http_proxy' must be an absolute URL, such as http://127.0.0.1:7890.");
        }

        return ValidateOptionsResult.Success;
    }
}
