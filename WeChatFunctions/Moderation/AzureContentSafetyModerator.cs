using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using WeChatFunctions.AzureAI;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Moderation;

/// <summary>
/// The <c>azure</c> mode: Azure AI Content Safety's text analysis (<c>POST /contentsafety/text:analyze</c>). Its .NET
/// client is not in our package registry, so the one call goes through Azure.Core's pipeline, which brings the key or
/// Entra ID authentication, retries and diagnostics of every Azure SDK.
/// See https://learn.microsoft.com/azure/ai-services/content-safety/quickstart-text
/// </summary>
internal sealed class AzureContentSafetyModerator(HttpPipeline pipeline, IOptions<ModerationOptions> options) : IContentModerator
{
    public const string ApiVersion = "2024-09-01";

    /// <summary>The service takes at most 10,000 characters per call; longer answers are checked piece by piece.</summary>
    public const int MaxCharactersPerCall = 10_000;

    public async Task<bool> IsBlockedAsync(string text, CancellationToken cancellationToken)
    {
        for (var start = 0; start < text.Length; start += MaxCharactersPerCall)
        {
            if (await IsPieceBlockedAsync(text.Substring(start, Math.Min(MaxCharactersPerCall, text.Length - start)), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> IsPieceBlockedAsync(string text, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(options.Value.AzureEndpoint!);
        request.Uri.AppendPath("/contentsafety/text:analyze", escape: false);
        request.Uri.AppendQuery("api-version", ApiVersion);
        request.Headers.Add(HttpHeader.Common.JsonContentType);
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new AnalyzeTextRequest(text), ContentSafetyJson.Default.AnalyzeTextRequest));
        await pipeline.SendAsync(message, cancellationToken);
        if (message.Response.IsError)
        {
            throw new RequestFailedException(message.Response);
        }

        var result = JsonSerializer.Deserialize(message.Response.Content, ContentSafetyJson.Default.AnalyzeTextResult)
            ?? throw new JsonException("Content Safety answered with an empty body.");
        return result.CategoriesAnalysis.Any(category => category.Severity >= options.Value.AzureSeverity);
    }

    /// <summary>The pipeline: the SDK's defaults, with retries short enough for WeChat's window.</summary>
    public static HttpPipeline BuildPipeline(ModerationOptions options, Func<TokenCredential> entraId) =>
        AzureAIPipelines.Build(options.AzureKey, entraId, maxRetries: 2, networkTimeout: TimeSpan.FromSeconds(5));
}
