namespace WeChatFunctions.WeChatApi;

/// <summary>A WeChat API call that failed: WeChat's <c>errcode</c> and <c>errmsg</c>, or an HTTP failure as code -1.</summary>
internal sealed class WeChatApiException(string call, int errorCode, string errorMessage, Exception? inner = null)
    : Exception($"WeChat API {call} failed with {errorCode}: {errorMessage}", inner)
{
    public string Call { get; } = call;

    public int ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;

    public WeChatApiProblem Problem => WeChatApiProblems.Of(ErrorCode);
}
