using Azure.Core;
using Azure.Core.Pipeline;

namespace WeChatFunctions.AzureAI;

/// <summary>
/// The Azure.Core pipeline for an Azure AI service whose .NET client is not in our package registry (Content Safety,
/// Speech): the key in <c>Ocp-Apim-Subscription-Key</c> or, without one, an Entra ID token, and the SDK's retries cut
/// short for WeChat's window.
/// </summary>
internal static class AzureAIPipelines
{
    /// <summary>Entra ID tokens for Azure AI services; they are accepted only at a resource's custom domain.</summary>
    public const string EntraIdScope = "https://cognitiveservices.azure.com/.default";

    /// <param name="entraId">Called only when <paramref name="key"/> is empty.</param>
    public static HttpPipeline Build(string? key, Func<TokenCredential> entraId, int maxRetries, TimeSpan networkTimeout)
    {
        var clientOptions = new AzureAIClientOptions();
        clientOptions.Retry.MaxRetries = maxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.NetworkTimeout = networkTimeout;
        HttpPipelinePolicy authentication = string.IsNullOrWhiteSpace(key)
            ? new BearerTokenAuthenticationPolicy(entraId(), EntraIdScope)
            : new SubscriptionKeyPolicy(key);
        return HttpPipelineBuilder.Build(clientOptions, authentication);
    }

    private sealed class AzureAIClientOptions : ClientOptions;

    /// <summary>Azure AI services take their key in this header.</summary>
    private sealed class SubscriptionKeyPolicy(string key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
    }
}
