namespace WeChatFunctions.Functions;

internal static partial class WeChatLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a {Method} to the WeChat endpoint: the signature does not match wechat_token.")]
    public static partial void BadSignature(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a push larger than {MaxBytes} bytes.")]
    public static partial void BodyTooLarge(ILogger logger, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a malformed push: {Error}")]
    public static partial void MalformedPush(ILogger logger, string error);
}
