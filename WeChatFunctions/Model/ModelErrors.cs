using System.ClientModel;
using System.Text.Json;

namespace WeChatFunctions.Model;

/// <summary>Recognises the model API's failures, which the OpenAI SDK surfaces as exceptions.</summary>
internal static class ModelErrors
{
    /// <summary>The API's 400 for a prompt longer than the model's window (OpenAI's and most compatible APIs' code).</summary>
    /// <remarks>With retries on, the SDK wraps the attempts' failures in an <see cref="AggregateException"/>.</remarks>
    public static bool IsContextLengthExceeded(Exception exception) => exception switch
    {
        ClientResultException { Status: 400 } failure =>
            ErrorCode(failure) is "context_length_exceeded" || failure.Message.Contains("context_length_exceeded", StringComparison.Ordinal),
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsContextLengthExceeded),
        _ => false,
    };

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
