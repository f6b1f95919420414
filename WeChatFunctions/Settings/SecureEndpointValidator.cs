using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>
/// Every setting naming an endpoint that is sent a key, a token or a one-time code, in one place: the model (also
/// embeddings and OpenAI moderation), Azure AI Content Safety, Azure AI Search, WeChat's API, the dashboard's
/// links, the MCP servers given a token, the web search service when it takes a key and Azure AI Speech. A new such setting is checked here.
/// </summary>
internal sealed class SecureEndpointValidator(IOptions<EndpointSecurityOptions> security) :
    IValidateOptions<ModelOptions>, IValidateOptions<ModerationOptions>, IValidateOptions<KnowledgeOptions>, IValidateOptions<CustomerServiceOptions>, IValidateOptions<DashboardOptions>,
    IValidateOptions<McpOptions>, IValidateOptions<WebSearchOptions>, IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options) => Check("chat_gpt_endpoint", options.Endpoint);

    public ValidateOptionsResult Validate(string? name, ModerationOptions options) => Check("azure_content_safety_endpoint", options.AzureEndpoint);

    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options) => Check("knowledge_search_endpoint", options.SearchEndpoint);

    public ValidateOptionsResult Validate(string? name, CustomerServiceOptions options) =>
        Check("wechat_api_base", Uri.TryCreate(options.ApiBase, UriKind.Absolute, out var api) ? api : null);

    public ValidateOptionsResult Validate(string? name, DashboardOptions options) => Check("public_base_url", options.PublicBaseUrl);

    /// <summary>A server without a token may be plain http anywhere: it is told nothing secret, and a private network is trusted.</summary>
    public ValidateOptionsResult Validate(string? name, McpOptions options) =>
        options.ServerList.Where(server => server.Token is not null).Select(server => Check($"mcp_servers' entry '{server.Name}", server.Endpoint)).FirstOrDefault(result => result.Failed)
        ?? ValidateOptionsResult.Success;

    /// <summary>SearXNG is sent no key, so the operator's instance may be plain http on a private network.</summary>
    public ValidateOptionsResult Validate(string? name, WebSearchOptions options) => Check("web_search_endpoint", options.SendsKey ? options.Endpoint : null);

    public ValidateOptionsResult Validate(string? name, SpeechOptions options) => Check("speech_endpoint", options.Endpoint);

    private ValidateOptionsResult Check(string setting, Uri? endpoint) =>
        SecureEndpoints.Problem(setting, endpoint, security.Value.AllowInsecure) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
