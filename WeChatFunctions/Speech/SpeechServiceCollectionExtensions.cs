using Azure.Identity;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

internal static class SpeechServiceCollectionExtensions
{
    /// <summary>Registers the pipeline to Azure AI Speech that transcription and spoken answers share; nothing calls it unless one of them uses <c>azure_speech</c>.</summary>
    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        services.AddSingleton(provider => SpeechPipeline.Create(provider.GetRequiredService<IOptions<SpeechOptions>>().Value, () => new DefaultAzureCredential()));
        return services;
    }
}
