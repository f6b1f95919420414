using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Model;

internal static class ModelServiceCollectionExtensions
{
    private const string HttpClientName = "model";

    /// <summary>The scope Azure OpenAI accepts for Entra ID tokens.</summary>
    private const string AzureOpenAIScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// Registers the official OpenAI SDK's client, pointed at any OpenAI-compatible endpoint, and an
    /// <see cref="IChatClient"/> pipeline over it: the admin tokens redacted, retries within the window, timing, and error translation; and the
    /// knowledge base's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, over the same client.
    /// </summary>
    public static IServiceCollection AddModel(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var proxy = provider.GetRequiredService<IOptions<ModelOptions>>().Value.HttpProxy;
                return new SocketsHttpHandler
                {
                    Proxy = proxy is null ? null : new WebProxy(proxy),
                    UseProxy = proxy is not null,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            });

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
            var clientOptions = new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                // TransientRetryChatClient retries, knowing how much of WeChat's window is left; the SDK's own retries would not.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                Transport = new HttpClientPipelineTransport(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
                UserAgentApplicationId = "WeChatFunctions",
            };

            // The AuthenticationPolicy constructor is marked experimental (OPENAI001); it is the SDK's documented way to use Entra ID.
#pragma warning disable OPENAI001
            return options.UsesAzureIdentity
                ? new OpenAIClient(new BearerTokenPolicy(new DefaultAzureCredential(), AzureOpenAIScope), clientOptions)
                : new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
#pragma warning restore OPENAI001
        });
        // The first Use is the outermost: each retry is timed and translated on its own.
        services.AddChatClient(provider => provider.GetRequiredService<OpenAIClient>().GetChatClient(provider.GetRequiredService<IOptions<ModelOptions>>().Value.Model).AsIChatClient())
            .Use((inner, provider) => new RedactingChatClient(inner, provider.GetRequiredService<TextRedaction>()))
            .Use((inner, provider) => ActivatorUtilities.CreateInstance<TransientRetryChatClient>(provider, inner))
            .Use((inner, provider) => ActivatorUtilities.CreateInstance<MeteredChatClient>(provider, inner))
            .Use(inner => new ModelErrorChatClient(inner));
        services.AddEmbeddingGenerator(provider =>
            provider.GetRequiredService<OpenAIClient>().GetEmbeddingClient(provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.EmbeddingModel).AsIEmbeddingGenerator());

        return services;
    }
}
