using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeChatFunctions.WeChat;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WeChatApi;

/// <summary>
/// The calls this app makes to WeChat's server API, each with the shared access token. A token WeChat rejects
/// (40001, 42001) is fetched again and the call tried once more; any other failure is logged, recorded for the admins
/// and thrown as <see cref="WeChatApiException"/>.
/// </summary>
internal sealed class WeChatApiClient(
    HttpClient http, AccessTokens tokens, WeChatApiHealth health, IOptions<CustomerServiceOptions> options, ILogger<WeChatApiClient> logger)
{
    public const string SendCall = "message/custom/send";

    public const string TypingCall = "message/custom/typing";

    public const string PublishedCall = "freepublish/batchget";

    /// <summary>Sends a customer-service text message. See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html</summary>
    public Task SendTextAsync(string openId, string content, CancellationToken cancellationToken) =>
        CallAsync(SendCall, new JsonObject { ["touser"] = openId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = content } }, tellsAdmins: true, cancellationToken);

    /// <summary>Sends a customer-service voice or picture, uploaded as temporary media.</summary>
    public Task SendMediaAsync(string openId, MediaKind kind, string mediaId, CancellationToken cancellationToken)
    {
        var type = WeChatMediaTransfer.TypeOf(kind);
        return CallAsync(SendCall, new JsonObject { ["touser"] = openId, ["msgtype"] = type, [type] = new JsonObject { ["media_id"] = mediaId } }, tellsAdmins: true, cancellationToken);
    }

    /// <summary>
    /// Shows or hides 「对方正在输入」 for at most 15 seconds. Its failures are not the admins' concern: an account may send
    /// customer-service messages without the typing permission.
    /// </summary>
    public Task TypingAsync(string openId, bool typing, CancellationToken cancellationToken) =>
        CallAsync(TypingCall, new JsonObject { ["touser"] = openId, ["command"] = typing ? "Typing" : "CancelTyping" }, tellsAdmins: false, cancellationToken);

    /// <summary>
    /// A page of the account's published articles (发表记录), newest first, with their bodies.
    /// See https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_publication_records.html
    /// </summary>
    /// <param name="count">1 to 20.</param>
    public Task<JsonObject> GetPublishedAsync(int offset, int count, CancellationToken cancellationToken) =>
        CallAsync(PublishedCall, new JsonObject { ["offset"] = offset, ["count"] = count, ["no_content"] = 0 }, tellsAdmins: false, cancellationToken);

    private Task<JsonObject> CallAsync(string call, JsonObject body, bool tellsAdmins, CancellationToken cancellationToken) =>
        CallAsync(call, query: "", (url, cancel) => WeChatApiResponse.PostAsync(http, url, call, body, cancel), tellsAdmins, cancellationToken);

    /// <summary>
    /// Makes a call with the access token, however it is sent (<see cref="WeChatMediaTransfer"/> sends media), whose
    /// answer is WeChat's JSON, and handles what it says.
    /// </summary>
    /// <param name="query">More of the query string after the access token, already escaped: <c>type=voice</c>.</param>
    public async Task<JsonObject> CallAsync(
        string call, string query, Func<Uri, CancellationToken, Task<JsonObject>> send, bool tellsAdmins, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var token = await tokens.GetAsync(cancellationToken);
                var url = new Uri(options.Value.ApiBaseUri, $"cgi-bin/{call}?access_token={Uri.EscapeDataString(token)}{(query.Length > 0 ? "&" + query : "")}");
                var answer = await send(url, cancellationToken);
                var code = WeChatApiResponse.ErrorCode(answer);
                if (code != 0 && WeChatApiProblems.Of(code) == WeChatApiProblem.TokenInvalid && attempt == 1)
                {
                    WeChatApiLog.TokenRejected(logger, call, code);
                    await tokens.ForgetAsync(token, cancellationToken);
                    continue;
                }

                WeChatApiResponse.ThrowOnError(call, answer);
                if (tellsAdmins)
                {
                    await health.SucceededAsync(cancellationToken);
                }

                return answer;
            }
            catch (WeChatApiException failure)
            {
                WeChatApiLog.CallFailed(logger, failure.Call, failure.ErrorCode, failure.Problem, failure.ErrorMessage);
                if (tellsAdmins || failure.Call == StableTokenSource.Call)
                {
                    await health.FailedAsync(failure.Call, failure);
                }

                throw;
            }
        }
    }
}
