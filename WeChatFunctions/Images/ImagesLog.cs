namespace WeChatFunctions.Images;

internal static partial class ImagesLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A follower's image could not be downloaded: {Reason}.")]
    public static partial void ImageNotDownloaded(ILogger logger, string reason);
}
