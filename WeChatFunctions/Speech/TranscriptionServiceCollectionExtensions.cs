using Microsoft.Extensions.Options;
using OpenAI;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

internal static class TranscriptionServiceCollectionExtensions
{
    /// <summary>Registers the hearing of voices WeChat sent without its own recognition, with the provider <c>transcription_provider</c> names.</summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        services.AddSingleton<VoiceHearing>();
        services.AddSingleton<VoiceTranscription>();
        services.AddSingleton<FfmpegConverter>();
        services.AddSingleton<ISpeechTranscriber>(provider =>
            provider.GetRequiredService<IOptions<TranscriptionOptions>>().Value is { Provider: TranscriptionOptions.OpenAI } options
                ? new OpenAITranscriber(
                    provider.GetRequiredService<OpenAIClient>().GetAudioClient(options.Model),
                    provider.GetRequiredService<FfmpegConverter>(),
                    provider.GetRequiredService<IOptions<SpeechOptions>>())
                : ActivatorUtilities.CreateInstance<AzureFastTranscriber>(provider));
        return services;
    }
}
