namespace WeChatFunctions.Answering;

internal static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddAnswering(this IServiceCollection services)
    {
        services.AddSingleton<LiveAnswerRegistry>();
        services.AddSingleton<GenerationSlots>();
        services.AddSingleton<InstanceLag>();
        services.AddSingleton<ClaimSilence>();
        services.AddSingleton<ClaimProgress>();
        services.AddSingleton<AnswerModeration>();
        services.AddSingleton<AnswerAdmission>();
        services.AddSingleton<AnswerStream>();
        services.AddSingleton<AnswerGenerator>();
        services.AddSingleton<AnswerWatcher>();
        services.AddSingleton<DeliveredMarks>();
        services.AddSingleton<LostAnswers>();
        services.AddSingleton<ReplyWindow>();
        return services;
    }
}
