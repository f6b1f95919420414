using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pictures;

/// <summary>
/// A test of pictures on request: a verified account of its own, whose simulated API takes the uploads, a fresh
/// follower, and the fake model (with its image API) reset. Each test starts the app with the settings it needs.
/// </summary>
public abstract class PictureTest(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    protected WeChatFixture Fixture { get; } = fixture;

    protected VerifiedAccount Account { get; private set; } = null!;

    protected string Follower { get; } = WeChatClient.NewFollowerId();

    protected FakeImages Images => Fixture.Model.Images;

    public Task InitializeAsync()
    {
        Account = VerifiedAccount.Start();
        Fixture.Model.Reset();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Account.DisposeAsync();

    /// <summary>The app with pictures on, answering in <paramref name="replyMode"/>, and whatever else the test changes.</summary>
    protected WeChatClient StartApp(string replyMode = "passive", Action<Dictionary<string, string?>>? changeSettings = null) =>
        Fixture.StartApplication(settings =>
        {
            Account.Configure(settings, replyMode);
            settings["image_generation"] = "on";
            settings["chat_gpt_timeout_seconds"] = "30";
            changeSettings?.Invoke(settings);
        }).CreateWeChatClient();

    /// <summary>What WeChat's API keeps under <paramref name="mediaId"/>, which the follower sees.</summary>
    protected byte[] Uploaded(string? mediaId) =>
        Account.Api.Media.Find(mediaId ?? throw new InvalidOperationException("the reply shows no media"))?.Content ?? throw new InvalidOperationException($"nothing uploaded as {mediaId}");
}
