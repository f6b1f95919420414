using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>
/// One Azurite, one fake model, a stand-in for the web, and two apps over the same knowledge base: one in
/// <c>prefer</c> mode, one in <c>only</c>. The fake embeddings match on wording, so the tests' passages are found at
/// a lower similarity than a real model's would be.
/// </summary>
public sealed class KnowledgeFixture : IAsyncLifetime
{
    private readonly List<WeChatApplication> _applications = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public PageServer Pages { get; private set; } = null!;

    public WeChatClient Prefer { get; private set; } = null!;

    public WeChatClient Only { get; private set; } = null!;

    public WeChatApplication PreferApplication => _applications[0];

    public async Task InitializeAsync()
    {
        Storage = await AzuriteServer.StartAsync();
        Model = await FakeModelServer.StartAsync();
        Pages = await PageServer.StartAsync();
        Prefer = StartApplication(settings => settings["knowledge_mode"] = "prefer").CreateWeChatClient();
        Only = StartApplication(settings => settings["knowledge_mode"] = "only").CreateWeChatClient();
    }

    public WeChatApplication StartApplication(Action<Dictionary<string, string?>> changeSettings)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        settings["knowledge_min_score"] = "0.1";
        changeSettings(settings);
        var application = new WeChatApplication(settings);
        _applications.Add(application);
        return application;
    }

    public async Task DisposeAsync()
    {
        foreach (var application in _applications)
        {
            await application.DisposeAsync();
        }

        await Pages.DisposeAsync();
        await Model.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
