namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Two app processes sharing one Azurite and one fake model, as two instances of a scaled-out function app.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly List<WeChatInstance> _instances = [];

    public AzuriteServer Storage { get; private set; } = null!;

    public FakeModelServer Model { get; private set; } = null!;

    public WeChatInstance First => _instances[0];

    public WeChatInstance Second => _instances[1];

    public async Task InitializeAsync()
    {
        var storage = AzuriteServer.StartAsync();
        var model = FakeModelServer.StartAsync();
        Storage = await storage;
        Model = await model;
        await Task.WhenAll(StartInstanceAsync(), StartInstanceAsync());
    }

    /// <summary>Starts another instance, with the default claim timeout, as an operator runs them.</summary>
    public async Task<WeChatInstance> StartInstanceAsync(Action<Dictionary<string, string?>>? changeSettings = null)
    {
        var settings = WeChatApplication.DefaultSettings(Storage, Model);
        settings["chat_gpt_timeout_seconds"] = "30";
        changeSettings?.Invoke(settings);
        var instance = await WeChatInstance.StartAsync(settings);
        lock (_instances)
        {
            _instances.Add(instance);
        }

        // A first question loads the tokenizer and compiles the answer path, which a slow machine may take seconds
        // over; the tests time their answers against WeChat's retries, so they must not pay for it. On a loaded machine
        // that first answer may miss an attempt's window, whose connection the app then drops: WeChat's retries cover it.
        await new WeChatPlatform(instance.WeChat).DeliverAsync(SignedPush.Text("预热").From(WeChatClient.NewFollowerId()));
        return instance;
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Model.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
