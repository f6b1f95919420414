using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;
using WeChatFunctions.WebSearch;

namespace WeChatFunctions.Tests.WebSearch;

/// <summary>
/// One Azurite, one fake model, one stand-in for the search services, and an app per provider, whose logs, at trace
/// level, are kept; and an impatient app, whose searches may take one second.
/// </summary>
public sealed class WebSearchFixture : IAsyncLifetime
{
    private readonly List<WeChatApplication> _applications = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public FakeWebSearchServer Search { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    internal IAssistantTool Searxng { get; private set; } = null!;

    internal IAssistantTool Tavily { get; private set; } = null!;

    public WeChatApplication SearxngApplication { get; private set; } = null!;

    public WeChatApplication TavilyApplication { get; private set; } = null!;

    internal IAssistantTool Bocha { get; private set; } = null!;

    internal IAssistantTool Impatient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await AzuriteServer.StartAsync();
        Model = await FakeModelServer.StartAsync();
        Search = await FakeWebSearchServer.StartAsync();
        SearxngApplication = StartApplication("searxng", Search.BaseAddress, settings => settings["web_search_results"] = "3");
        Searxng = ToolOf(SearxngApplication);
        TavilyApplication = StartApplication("tavily", Search.BaseAddress);
        Tavily = ToolOf(TavilyApplication);
        Bocha = ToolOf(StartApplication("bocha", Search.BochaEndpoint));
        Impatient = ToolOf(StartApplication("searxng", Search.BaseAddress, settings => settings["tool_timeout_seconds"] = "1"));
    }

    /// <summary>An app whose <c>tools</c> offer <c>web_search</c> through <paramref name="provider"/> at <paramref name="endpoint"/>.</summary>
    public WeChatApplication StartApplication(string provider, Uri endpoint, Action<Dictionary<string, string?>>? changeSettings = null)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        settings["tools"] = "current_time,web_search";
        settings["web_search_provider"] = provider;
        settings["web_search_endpoint"] = endpoint.ToString();
        settings["web_search_key"] = provider == "searxng" ? null : FakeWebSearchServer.Key;
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace";
        changeSettings?.Invoke(settings);
        var application = new WeChatApplication(settings, Logs.AddTo);
        _applications.Add(application);
        return application;
    }

    internal static IAssistantTool ToolOf(WeChatApplication application) =>
        application.Services.GetServices<IAssistantTool>().Single(tool => tool.Declaration.Name == WebSearchTool.Name);

    public async Task DisposeAsync()
    {
        foreach (var application in _applications)
        {
            await application.DisposeAsync();
        }

        await Search.DisposeAsync();
        await Model.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
