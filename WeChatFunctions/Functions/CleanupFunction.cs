using System.Text.Json.Serialization;
using WeChatFunctions.Conversations;

namespace WeChatFunctions.Functions;

/// <summary>
/// The <c>cleanup</c> timer function. The host POSTs <c>{"Data": {"timer": …}, "Metadata": {…}}</c> to
/// <c>/cleanup</c> on the schedule in <c>cleanup/function.json</c>, and reads back <c>Outputs</c>, <c>Logs</c> and
/// <c>ReturnValue</c>. The timer's data carries nothing the cleanup needs, so the payload is not read.
/// See https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers#request-payload
/// </summary>
internal static class CleanupFunction
{
    public const string Route = "/cleanup";

    public static IEndpointRouteBuilder MapCleanup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, async (Cleanup cleanup, CancellationToken cancellationToken) =>
        {
            var report = await cleanup.RunAsync(cancellationToken);
            return Results.Json(new InvocationResponse([report.ToString()]), CustomHandlerJson.Default.InvocationResponse);
        });
        return endpoints;
    }
}

/// <summary>What a custom handler answers an invocation with; a timer function has no outputs and no return value.</summary>
internal sealed record InvocationResponse(IReadOnlyList<string> Logs)
{
    public IReadOnlyDictionary<string, string> Outputs { get; } = new Dictionary<string, string>();

    public string? ReturnValue { get; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InvocationResponse))]
internal sealed partial class CustomHandlerJson : JsonSerializerContext;
