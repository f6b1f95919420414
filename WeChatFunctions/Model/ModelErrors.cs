using System.ClientModel;
using System.Text.Json;

namespace WeChatFunctions.Model;

/// <summary>Classifies what the OpenAI SDK and the network throw.</summary>
internal static class ModelErrors
{
    public static ModelFailure Classify(Exception exception) =>
        IsContextLengthExceeded(exception) ? ModelFailure.ContextLengthExceeded
        : IsTransient(exception) ? ModelFailure.Transient
        : IsRejected(exception) ? ModelFailure.Rejected
        : ModelFailure.Permanent;

    private static bool IsRejected(Exception exception) => exception switch
    {
        ClientResultException { Status: 400 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsRejected),
        _ => false,
    };

    /// <summary>The API's 400 for a prompt longer than the model's window (OpenAI's and most compatible APIs' code).</summary>
    /// <remarks>With retries on, the SDK wraps the attempts' failures in an <see cref="AggregateException"/>.</remarks>
    private static bool IsContextLengthExceeded(Exception exception) => exception switch
    {
        ClientResultException { Status: 400 } failure =>
            ErrorCode(failure) is "context_length_exceeded" || failure.Message.Contains("context_length_exceeded", StringComparison.Ordinal),
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsContextLengthExceeded),
        _ => false,
    };

    /// <summary>
    /// Failures worth another try: throttling, server errors, timeouts and the network. A 4xx other than 408 and 429
    /// (a bad key, an unknown model) fails the same way every time.
    /// </summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: >= 400 and < 500 and not 408 and not 429 } => false,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        ClientResultException or HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
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
