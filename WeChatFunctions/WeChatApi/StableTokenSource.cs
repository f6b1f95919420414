using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WeChatApi;

/// <summary>
/// Fetches the access token from <c>POST /cgi-bin/stable_token</c> with <c>force_refresh=false</c>: while a token is
/// valid, every caller gets that same token, so several instances never void each other's.
/// See https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html
/// </summary>
internal sealed class StableTokenSource(HttpClient http, IOptions<CustomerServiceOptions> options)
{
    public const string Call = "stable_token";

    /// <returns>The token and how many seconds it stays valid.</returns>
    public async Task<(string Token, int ExpiresInSeconds)> FetchAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["grant_type"] = "client_credential",
            ["appid"] = options.Value.AppId,
            ["secret"] = options.Value.AppSecret,
            ["force_refresh"] = false,
        };
        var answer = await WeChatApiResponse.PostAsync(http, new Uri(options.Value.ApiBaseUri, "cgi-bin/stable_token"), Call, request, cancellationToken);
        WeChatApiResponse.ThrowOnError(Call, answer);
        var token = answer["access_token"]?.GetValue<string>();
        var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 0;
        return string.IsNullOrEmpty(token) || expiresIn <= 0
            ? throw new WeChatApiException(Call, -1, "the answer had no access_token or expires_in")
            : (token, expiresIn);
    }
}
