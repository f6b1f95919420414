using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

internal static class VoiceReplyServiceCollectionExtensions
{
    /// <summary>Spoken answers (<c>voice_reply</c>), through the speech service <c>tts_provider</c> names.</summary>
    public static IServiceCollection AddVoiceReplies(this IServiceCollection services)
    {
        services.AddSingleton<ISpokenAnswers, SpokenAnswers>();
        services.AddSingleton<ITextToSpeech>(provider => provider.GetRequiredService<IOptions<VoiceReplyOptions>>().Value.Provider == VoiceReplyOptions.AzureSpeech
            ? ActivatorUtilities.CreateInstance<AzureTextToSpeech>(provider)
            : ActivatorUtilities.CreateInstance<OpenAITextToSpeech>(provider));
        return services;
    }
}
