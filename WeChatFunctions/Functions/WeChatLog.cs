namespace WeChatFunctions.Functions;

internal static partial class WeChatLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a {Method} to the WeChat endpoint: the signature does not match wechat_token.")]
    public static partial void BadSignature(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a push whose timestamp is more than {MaxSkewSeconds} s from now: a replay, or a clock far off.")]
    public static partial void StaleTimestamp(ILogger logger, int maxSkewSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a push larger than {MaxBytes} bytes.")]
    public static partial void BodyTooLarge(ILogger logger, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a malformed push: {Error}")]
    public static partial void MalformedPush(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected an encrypted push (encrypt_type=aes): wechat_encoding_aes_key and wechat_app_id are not set. Set them to the EncodingAESKey and AppID of the WeChat admin console, or switch the console to plain mode.")]
    public static partial void EncryptedPushWithoutKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an encrypted push that does not decrypt: {Error}")]
    public static partial void UndecryptablePush(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a push already received with the same timestamp, nonce and body, outside WeChat's retry pattern: a replay.")]
    public static partial void ReplayedPush(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The replay check could not record the push (storage fault, timeout or contention); it is not handled, and WeChat is left to retry it.")]
    public static partial void ReplayCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a plain push: wechat_encoding_aes_key is set, and plain pushes are accepted only with wechat_accept_plaintext=true.")]
    public static partial void PlainPushRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a push whose timestamp and nonce arrived before with another body.")]
    public static partial void SwappedBody(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push was still being served when WeChat's 5-second attempt ended; its storage calls were stopped and the connection dropped, so WeChat retries.")]
    public static partial void AttemptOutlasted(ILogger logger);
}
