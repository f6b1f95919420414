namespace WeChatFunctions.Pictures;

/// <summary>Never the prompt: it is the follower's text.</summary>
internal static partial class PicturesLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The image model {Model} failed (HTTP {Status}).")]
    public static partial void ModelFailed(ILogger logger, string model, int status, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The image model {Model} refused a prompt under its content policy.")]
    public static partial void ModelRefused(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The image model {Model} took longer than it was allowed.")]
    public static partial void ModelTimedOut(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Error, Message = "The image model {Model} answered without the picture's bytes; image_model must return base64 (gpt-image-1, dall-e-2, dall-e-3).")]
    public static partial void NoPictureBytes(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat refused the picture's upload ({Problem}, code {Code}).")]
    public static partial void UploadRefused(ILogger logger, string problem, int code, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The picture for message {MessageId} could not be charged or recorded; none was drawn.")]
    public static partial void StorageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The picture charge for message {MessageId} could not be refunded.")]
    public static partial void RefundFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The picture for message {MessageId} started on an instance that stopped before it finished; it is not drawn again.")]
    public static partial void Interrupted(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of the picture for message {MessageId} could not be recorded; an instance taking over will say it was interrupted.")]
    public static partial void OutcomeNotRecorded(ILogger logger, string messageId, Exception exception);
}
