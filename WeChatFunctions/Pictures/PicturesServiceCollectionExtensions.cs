using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Pictures;

internal static class PicturesServiceCollectionExtensions
{
    /// <summary>Pictures on request: <c>/画</c> answered by <see cref="DrawingAnswer"/>, and the <c>draw</c> tool, offered only when <c>tools</c> names it.</summary>
    public static IServiceCollection AddPictures(this IServiceCollection services)
    {
        services.AddSingleton<PictureModel>();
        services.AddSingleton<PictureMaker>();
        services.AddSingleton<DrawingAnswer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssistantTool, DrawTool>());
        services.AddSingleton<IValidateOptions<ToolOptions>, DrawToolValidator>();
        services.AddSingleton<IValidateOptions<ImageGenerationOptions>, PictureAccountValidator>();
        return services;
    }
}
