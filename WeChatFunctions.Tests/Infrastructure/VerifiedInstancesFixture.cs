namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Instances of one app in <c>customer_service</c> mode as their own processes, sharing one Azurite, one fake model and
/// one verified account; an instance can be killed mid-push.
/// </summary>
public sealed class VerifiedInstancesFixture : IAsyncLifetime
{
    private readonly List<WeChatInstance> _instances = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public VerifiedAccount Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await AzuriteServer.StartAsync();
        Model = await FakeModelServer.StartAsync();
        Account = VerifiedAccount.Start();
    }

    /// <summary>Starts an instance for <paramref name="account"/> (the fixture's by default), with its storage through <paramref name="proxy"/> if given.</summary>
    public async Task<WeChatInstance> StartInstanceAsync(VerifiedAccount? account = null, StorageFaultProxy? proxy = null, Action<Dictionary<string, string?>>? changeSettings = null)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        (account ?? Account).Configure(settings, "customer_service");
        if (proxy is not null)
        {
            settings["AzureWebJobsStorage"] = proxy.ConnectionStringFor(Storage);
        }

        changeSettings?.Invoke(settings);
        var instance = await WeChatInstance.StartAsync(settings);
        lock (_instances)
        {
            _instances.Add(instance);
        }

        return instance;
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Account.DisposeAsync();
        await Model.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
