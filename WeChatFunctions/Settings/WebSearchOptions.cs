using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The search service behind the <c>web_search</c> tool, which the <c>tools</c> setting may name once a provider is set.</summary>
public sealed class WebSearchOptions
{
    /// <summary>A SearXNG instance, usually the operator's own: free, no key, and no public endpoint to default to.</summary>
    public const string Searxng = "searxng";

    /// <summary>Tavily's search API, with a key.</summary>
    public const string Tavily = "tavily";

    /// <summary>Bocha (博查), a Chinese web search API, with a key.</summary>
    public const string Bocha = "bocha";

    public static readonly Uri TavilyEndpoint = new("https://api.tavily.com");

    public static readonly Uri BochaEndpoint = new("https://api.bochaai.com/v1/web-search");

    /// <summary><c>searxng</c>, <c>tavily</c> or <c>bocha</c>; empty leaves the <c>web_search</c> tool unavailable.</summary>
    [ConfigurationKeyName("web_search_provider")]
    [RegularExpression("^(searxng|tavily|bocha)?$", ErrorMessage = "Setting 'web_search_provider' must be searxng, tavily or bocha, or empty for no web search.")]
    public string? Provider { get; set; }

    /// <summary>
    /// SearXNG's base address (required; <c>/search</c> is added), Tavily's base address (<c>/search</c> is added) or
    /// Bocha's full web-search URL. Empty means the provider's public endpoint.
    /// </summary>
    [ConfigurationKeyName("web_search_endpoint")]
    public Uri? Endpoint { get; set; }

    /// <summary>The API key of Tavily or Bocha, sent as a bearer token; SearXNG takes none.</summary>
    [ConfigurationKeyName("web_search_key")]
    public string? Key { get; set; }

    /// <summary>How many results the model gets for one search.</summary>
    [ConfigurationKeyName("web_search_results")]
    [Range(1, 10, ErrorMessage = "Setting 'web_search_results' must be between 1 and 10.")]
    public int Results { get; set; } = 5;

    public bool IsEnabled => !string.IsNullOrEmpty(Provider);

    /// <summary>Whether the endpoint is sent <see cref="Key"/>, and so must be https beyond loopback.</summary>
    public bool SendsKey => Provider is Tavily or Bocha;

    /// <summary>The public endpoint of <paramref name="provider"/>, or <see langword="null"/> when it has none.</summary>
    public static Uri? DefaultEndpoint(string? provider) => provider switch
    {
        Tavily => TavilyEndpoint,
        Bocha => BochaEndpoint,
        _ => null,
    };
}
