using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>Azurite, the fake model and a fake Azure AI Search service, with an app over each store holding <see cref="KnowledgeCorpus"/>.</summary>
public sealed class RetrievalFixture : IAsyncLifetime
{
    public const string Embedded = "embedded";

    public const string AzureSearch = "azure-search";

    /// <summary>Azure AI Search with the semantic ranker.</summary>
    public const string SemanticSearch = "azure-search-semantic";

    private readonly Dictionary<string, Task<IServiceProvider>> _stores = [];
    private readonly List<WeChatApplication> _applications = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public FakeSearchServer Search { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await AzuriteServer.StartAsync();
        Model = await FakeModelServer.StartAsync();
        Search = await FakeSearchServer.StartAsync();
    }

    /// <summary>The services of an app over <paramref name="store"/>, with the corpus imported once.</summary>
    public Task<IServiceProvider> WithCorpusAsync(string store)
    {
        lock (_stores)
        {
            if (!_stores.TryGetValue(store, out var services))
            {
                _stores[store] = services = StartWithCorpusAsync(store);
            }

            return services;
        }
    }

    private async Task<IServiceProvider> StartWithCorpusAsync(string store)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        settings["knowledge_mode"] = "prefer";
        if (store is AzureSearch or SemanticSearch)
        {
            settings["knowledge_semantic_ranker"] = store == SemanticSearch ? "true" : "false";
            settings["knowledge_search_index"] = store == SemanticSearch ? "wechat-knowledge-semantic" : "wechat-knowledge";
            settings["knowledge_search_endpoint"] = Search.Endpoint.ToString();
            settings["knowledge_search_key"] = FakeSearchServer.AdminKey;
        }

        var application = new WeChatApplication(settings, services => services.AddHttpClient(AzureSearchPassageIndex.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => LoopbackCertificate.TrustingOnly(Search.Certificate)));
        lock (_applications)
        {
            _applications.Add(application);
        }

        var importer = application.Services.GetRequiredService<KnowledgeImporter>();
        foreach (var (title, text) in KnowledgeCorpus.Documents)
        {
            await importer.ImportAsync($"https://example.com/{store}/{title}", new ExtractedArticle(title, text), CancellationToken.None);
        }

        return application.Services;
    }

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
