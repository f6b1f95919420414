using WeChatFunctions.Fetching;

namespace WeChatFunctions.Images;

internal static class ImagesServiceCollectionExtensions
{
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        services.AddSingleton<ImageInbox>();
        services.AddHttpClient<ImageDownloader>().UseFetchGuard();
        return services;
    }
}
