namespace WeChatFunctions.Paging;

internal static class PagingServiceCollectionExtensions
{
    public static IServiceCollection AddPaging(this IServiceCollection services)
    {
        services.AddSingleton<AnswerPager>();
        services.AddSingleton<ContinueKeywords>();
        return services;
    }
}
