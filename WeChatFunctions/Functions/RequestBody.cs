using Microsoft.AspNetCore.Http.Features;

namespace WeChatFunctions.Functions;

internal static class RequestBody
{
    /// <summary>
    /// Reads the whole body, or returns <see langword="null"/> when it exceeds <paramref name="maxBytes"/>. The server's
    /// own body-size limit does the counting, so a chunked body is refused as soon as it crosses the line.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.Length > maxBytes ? null : buffer.ToArray();
    }
}
