using Microsoft.Extensions.DependencyInjection;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// One Azurite, one fake model and one app per test class. Tests use fresh OpenIDs, so they never see each other's
/// conversations; the fake model is reset before each test.
/// </summary>
public sealed class WeChatFixture : IAsyncLifetime
{
    private readonly List<WeChatApplication> _applications = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public WeChatClient WeChat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var storage = AzuriteServer.StartAsync();
        var model = FakeModelServer.StartAsync();
        Storage = await storage;
        Model = await model;
        WeChat = StartApplication().CreateWeChatClient();
    }

    /// <summary>Starts another app over the same storage and model, with some settings or services changed.</summary>
    public WeChatApplication StartApplication(
        Action<Dictionary<string, string?>>? changeSettings = null, Action<IServiceCollection>? replaceServices = null)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        changeSettings?.Invoke(settings);
        var application = new WeChatApplication(settings, replaceServices);
        _applications.Add(application);
        return application;
    }

    public async Task DisposeAsync()
    {
        foreach (var application in _applications)
        {
            await application.DisposeAsync();
        }

        await Model.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
