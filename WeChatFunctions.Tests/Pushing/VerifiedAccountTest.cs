using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>
/// A test of one app in a push mode, with a verified account of its own for each test: the token and the API state one
/// test leaves in storage are never another's. A fresh follower, and the fake model reset, as in <see cref="FollowerTest"/>.
/// </summary>
public abstract class VerifiedAccountTest(WeChatFixture fixture, string replyMode) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    protected WeChatFixture Fixture { get; } = fixture;

    protected VerifiedAccount Account { get; private set; } = null!;

    protected WeChatClient WeChat { get; private set; } = null!;

    protected string Follower { get; } = WeChatClient.NewFollowerId();

    public Task InitializeAsync()
    {
        Account = VerifiedAccount.Start();
        Fixture.Model.Reset();
        WeChat = Fixture.StartApplication(settings =>
        {
            Account.Configure(settings, replyMode);
            settings["chat_gpt_timeout_seconds"] = "30";
        }).CreateWeChatClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Account.DisposeAsync();
}
