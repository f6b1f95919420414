using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatFunctions.Answering;

namespace WeChatFunctions.Pushing;

internal static class PushingServiceCollectionExtensions
{
    public static IServiceCollection AddPushing(this IServiceCollection services)
    {
        services.AddSingleton<PushPlanner>();
        services.AddSingleton<PushedAnswerPosition>();
        services.AddSingleton<AnswerPusher>();
        services.AddSingleton<TypingIndicator>();
        services.AddSingleton<PushDelivery>();
        services.AddSingleton<IAnswerPushes>(provider => provider.GetRequiredService<PushDelivery>());
        services.AddSingleton<PendingPushes>();
        services.TryAddSingleton(PushSweepInterval.Default);
        services.AddHostedService<PushSweep>();
        return services;
    }
}
