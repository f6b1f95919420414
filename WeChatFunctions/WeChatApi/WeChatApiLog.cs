namespace WeChatFunctions.WeChatApi;

internal static partial class WeChatApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "A new access token was fetched from stable_token; it expires in {ExpiresInSeconds} s.")]
    public static partial void TokenFetched(ILogger logger, int expiresInSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat rejected the access token on {Call} ({ErrorCode}); it is fetched again once.")]
    public static partial void TokenRejected(ILogger logger, string call, int errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeChat API {Call} failed with {ErrorCode} ({Problem}): {ErrorMessage}.")]
    public static partial void CallFailed(ILogger logger, string call, int errorCode, WeChatApiProblem problem, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The WeChat API state could not be saved for the admins.")]
    public static partial void HealthNotSaved(ILogger logger, Exception exception);
}
