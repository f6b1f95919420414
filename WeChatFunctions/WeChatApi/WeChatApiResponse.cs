using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeChatFunctions.WeChatApi;

/// <summary>Posts JSON to the WeChat API and reads its answer, whose <c>errcode</c> says whether the call worked.</summary>
internal static class WeChatApiResponse
{
    /// <summary>The URL is never part of an error: it may carry the access token.</summary>
    /// <exception cref="WeChatApiException">No answer, an HTTP error or an answer that is not JSON, as code -1.</exception>
    public static async Task<JsonObject> PostAsync(HttpClient http, Uri url, string call, JsonNode body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new WeChatApiException(call, -1, $"HTTP {(int)response.StatusCode}");
            }

            return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? throw new WeChatApiException(call, -1, "an empty answer");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new WeChatApiException(call, -1, exception.GetType().Name, exception);
        }
    }

    public static int ErrorCode(JsonObject answer) => answer["errcode"]?.GetValue<int>() ?? 0;

    public static void ThrowOnError(string call, JsonObject answer)
    {
        var code = ErrorCode(answer);
        if (code != 0)
        {
            throw new WeChatApiException(call, code, answer["errmsg"]?.GetValue<string>() ?? "");
        }
    }
}
