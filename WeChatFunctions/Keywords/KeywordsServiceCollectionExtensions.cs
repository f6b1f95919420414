using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Keywords;

internal static class KeywordsServiceCollectionExtensions
{
    public static IServiceCollection AddKeywords(this IServiceCollection services)
    {
        services.AddOptions<KeywordOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeywordOptions>, KeywordsFileValidator>();
        services.AddSingleton<KeywordsFile>();
        services.AddSingleton<KeywordBook>();
        services.AddSingleton<KeywordReplies>();
        services.AddSingleton<KeywordAdministration>();
        return services;
    }
}
