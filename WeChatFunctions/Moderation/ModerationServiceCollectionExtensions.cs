using Azure.Identity;
using Microsoft.Extensions.Options;
using OpenAI;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Moderation;

internal static class ModerationServiceCollectionExtensions
{
    /// <summary>Registers the moderator that the <c>moderation</c> setting names, and <see cref="ContentModeration"/> over it.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<ContentModeration>();
        services.AddSingleton<IContentModerator>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ModerationOptions>>();
            return options.Value switch
            {
                var mode when mode.Uses(ModerationOptions.Keywords) => new KeywordModerator(options),
                var mode when mode.Uses(ModerationOptions.OpenAI) =>
                    new OpenAIModerator(provider.GetRequiredService<OpenAIClient>().GetModerationClient(mode.OpenAIModel)),
                var mode when mode.Uses(ModerationOptions.Azure) =>
                    new AzureContentSafetyModerator(AzureContentSafetyModerator.BuildPipeline(mode, () => new DefaultAzureCredential()), options),
                _ => new NoModerator(),
            };
        });
        return services;
    }

    /// <summary>The <c>off</c> mode.</summary>
    private sealed class NoModerator : IContentModerator
    {
        public Task<bool> IsBlockedAsync(string text, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
