using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// The moderation services, served by the fake model server: OpenAI's <c>POST /v1/moderations</c> and Azure AI
/// Content Safety's <c>POST /contentsafety/text:analyze</c>. A text containing <see cref="FlaggedMarker"/> is harmful.
/// </summary>
public sealed class FakeModeration
{
    public const string FlaggedMarker = "【有害内容】";

    private static readonly string[] OpenAICategories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
        "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    private static readonly string[] AzureCategories = ["Hate", "SelfHarm", "Sexual", "Violence"];

    private readonly ConcurrentQueue<FakeModerationRequest> _requests = new();

    public IReadOnlyList<FakeModerationRequest> Requests => [.. _requests];

    /// <summary>An HTTP status to fail every moderation request with.</summary>
    public int? FailureStatus { get; set; }

    /// <summary>The Content Safety severity (0, 2, 4 or 6) reported for flagged text in the Hate category.</summary>
    public int FlaggedSeverity { get; set; } = 4;

    public void Reset()
    {
        _requests.Clear();
        FailureStatus = null;
        FlaggedSeverity = 4;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/moderations", OpenAIAsync);
        app.MapPost("/contentsafety/text:analyze", ContentSafetyAsync);
    }

    private async Task OpenAIAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var input = body["input"] is JsonArray inputs ? string.Concat(inputs.Select(item => item?.GetValue<string>())) : body["input"]!.GetValue<string>();
        _requests.Enqueue(new FakeModerationRequest("openai", input, body["model"]?.GetValue<string>(), context.Request.Headers.Authorization, null));
        if (await FailedAsync(context))
        {
            return;
        }

        var flagged = input.Contains(FlaggedMarker, StringComparison.Ordinal);
        var categories = new JsonObject();
        var scores = new JsonObject();
        var inputTypes = new JsonObject();
        foreach (var category in OpenAICategories)
        {
            categories[category] = flagged && category == "hate";
            scores[category] = flagged && category == "hate" ? 0.93 : 0.0001;
            inputTypes[category] = new JsonArray("text");
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "modr-fake",
            ["model"] = body["model"]?.GetValue<string>() ?? "omni-moderation-latest",
            ["results"] = new JsonArray(new JsonObject
            {
                ["flagged"] = flagged,
                ["categories"] = categories,
                ["category_scores"] = scores,
                ["category_applied_input_types"] = inputTypes,
            }),
        });
    }

    private async Task ContentSafetyAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var text = body["text"]!.GetValue<string>();
        _requests.Enqueue(new FakeModerationRequest("azure", text, null, context.Request.Headers["Ocp-Apim-Subscription-Key"], context.Request.Query["api-version"]));
        if (await FailedAsync(context))
        {
            return;
        }

        var severity = text.Contains(FlaggedMarker, StringComparison.Ordinal) ? FlaggedSeverity : 0;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["blocklistsMatch"] = new JsonArray(),
            ["categoriesAnalysis"] = new JsonArray([.. AzureCategories.Select(category => new JsonObject { ["category"] = category, ["severity"] = category == "Hate" ? severity : 0 })]),
        });
    }

    private async Task<bool> FailedAsync(HttpContext context)
    {
        if (FailureStatus is not { } status)
        {
            return false;
        }

        await FakeModelServer.WriteErrorAsync(context, status, "server_error", "The fake moderation was told to fail.");
        return true;
    }
}

/// <param name="Api"><c>openai</c> or <c>azure</c>.</param>
/// <param name="Credential">The <c>Authorization</c> header (OpenAI) or the <c>Ocp-Apim-Subscription-Key</c> (Azure).</param>
/// <param name="ApiVersion">Content Safety's <c>api-version</c>.</param>
public sealed record FakeModerationRequest(string Api, string Input, string? Model, string? Credential, string? ApiVersion);
