using System.ClientModel;
using System.Text.Json;

namespace WeChatFunctions.Model;

/// <summary>Recognises the model API's failures, which the OpenAI SDK surfaces as exceptions.</summary>
internal static class ModelErrors
{
    /// <summary>The API's 400 for a prompt longer than the model's window (OpenAI's and most compatible APIs' code).</summary>
    public static bool IsContextLengthExceeded(Exception exception) =>
        exception is ClientResultException { Status: 400 } failure
        && (ErrorCode(failure) is "context_length_exceeded" || failure.Message.Contains("context_length_exceeded", StringComparison.Ordinal));

    /// <summary>Failures of the API or the network, as opposed to bugs in this app.</summary>
    public static bool IsUnavailable(Exception exception) => exception is ClientResultException or HttpRequestException or TimeoutException
        or TaskCanceledException or IOException;

    private static string? ErrorCode(ClientResultException failure)
    {
        try
        {
            var body = failure.GetRawResponse()?.Content;
            if (body is null || body.ToMemory().IsEmpty)
            {
                return null;
            }

            using var document = JsonDocument.Parse(body.ToMemory());
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
