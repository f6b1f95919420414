using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeChatFunctions.Fetching;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.WeChatApi;

/// <summary>How media travels to and from WeChat: a multipart upload, and a download that is the file or, on failure, JSON.</summary>
internal static class WeChatMediaTransfer
{
    public static string TypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Voice => "voice",
        MediaKind.Image => "image",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static async Task<JsonObject> UploadAsync(HttpClient http, Uri url, string call, MediaUpload media, CancellationToken cancellationToken)
    {
        using var file = new ByteArrayContent(media.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        using var form = new MultipartFormDataContent { { file, "media", media.FileName } };
        return await ReadAsync(call, () => http.PostAsync(url, form, cancellationToken), cancellationToken);
    }

    /// <summary>Reads the file into <paramref name="downloaded"/>; the answer is WeChat's error, or success when the file came.</summary>
    public static Task<JsonObject> DownloadAsync(HttpClient http, Uri url, string call, int maxBytes, Action<DownloadedMedia> downloaded, CancellationToken cancellationToken) =>
        ReadAsync(
            call,
            () => http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken),
            cancellationToken,
            async response =>
            {
                var bytes = await CappedBody.ReadAsync(response.Content, maxBytes, cancellationToken)
                    ?? throw new WeChatApiException(call, -1, $"a file over {maxBytes} bytes");
                downloaded(new DownloadedMedia(bytes, response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream"));
                return new JsonObject { ["errcode"] = 0 };
            });

    private static async Task<JsonObject> ReadAsync(
        string call, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken, Func<HttpResponseMessage, Task<JsonObject>>? readFile = null)
    {
        try
        {
            using var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                throw new WeChatApiException(call, -1, $"HTTP {(int)response.StatusCode}");
            }

            var isJson = response.Content.Headers.ContentType?.MediaType is "application/json" or "text/plain";
            if (readFile is not null && !isJson)
            {
                return await readFile(response);
            }

            return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? throw new WeChatApiException(call, -1, "an empty answer");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new WeChatApiException(call, -1, exception.GetType().Name, exception);
        }
    }
}

/// <summary>A file to upload as temporary media.</summary>
internal sealed record MediaUpload(MediaKind Kind, byte[] Content, string FileName, string ContentType);

/// <summary>A follower's voice or picture as WeChat serves it.</summary>
internal sealed record DownloadedMedia(byte[] Content, string ContentType);
