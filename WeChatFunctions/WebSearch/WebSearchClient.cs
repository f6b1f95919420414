using System.Text.Json;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.WebSearch;

/// <summary>
/// Sends a search to the service <c>web_search_provider</c> names and reads its results. The endpoint is the operator's,
/// so this is a plain client, not the fetch guard's; the whole call is bounded by <c>tool_timeout_seconds</c> and the
/// response by <see cref="MaxResponseBytes"/>. Every failure becomes a <see cref="ToolFailedException"/> whose reason
/// names no key, address or response text.
/// </summary>
internal sealed class WebSearchClient(
    HttpClient http, IEnumerable<IWebSearchApi> apis, IOptions<WebSearchOptions> options, IOptions<ToolOptions> tools, ILogger<WebSearchClient> logger)
{
    /// <summary>Far more than a handful of results take; a bigger answer is not a search result.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <returns>At most <c>web_search_results</c> results, one per URL; none when the service found nothing.</returns>
    public async Task<IReadOnlyList<WebSearchResult>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var api = apis.FirstOrDefault(candidate => candidate.Provider == settings.Provider) ?? throw new ToolFailedException(WebSearchTexts.NotConfigured);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(tools.Value.Timeout);
        try
        {
            using var request = api.CreateRequest(settings, query);
            using var response = await http.SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                WebSearchLog.Refused(logger, api.Provider, (int)response.StatusCode);
                throw new ToolFailedException(WebSearchTexts.Unavailable);
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            using var document = await JsonDocument.ParseAsync(body, default, deadline.Token);
            return [.. api.ReadResults(document.RootElement).DistinctBy(result => result.Url, StringComparer.Ordinal).Take(settings.Results)];
        }
        catch (HttpRequestException exception)
        {
            WebSearchLog.Unreachable(logger, api.Provider, exception);
            throw new ToolFailedException(WebSearchTexts.Unavailable, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            WebSearchLog.TimedOut(logger, api.Provider, tools.Value.TimeoutSeconds);
            throw new ToolFailedException(WebSearchTexts.TimedOut, exception);
        }
        catch (JsonException exception)
        {
            WebSearchLog.Malformed(logger, api.Provider, exception.Message);
            throw new ToolFailedException(WebSearchTexts.Unavailable, exception);
        }
    }
}
