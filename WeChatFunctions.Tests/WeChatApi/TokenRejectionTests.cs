using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Tests.WeChatApi;

/// <summary>Two calls WeChat rejects at once, on Azurite: the second must not void the refresh the first started.</summary>
public sealed class TokenRejectionTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task ASecondRejectionDuringTheRefreshLeavesTheNewTokenForEveryInstance()
    {
        await using var account = VerifiedAccount.Start();
        using var http = new HttpClient();
        var (store, newInstance) = Instances(account, http);
        using var tokens = newInstance();
        var first = await tokens.GetAsync(CancellationToken.None);

        account.Api.Rules.RevokeToken();
        account.Api.StableTokenDelay = TimeSpan.FromSeconds(1);
        await tokens.ForgetAsync(first, CancellationToken.None);
        var refreshing = tokens.GetAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await tokens.ForgetAsync(first, CancellationToken.None); // the send rejected with the same old token
        var second = await refreshing;

        account.Api.StableTokenDelay = TimeSpan.Zero;
        using var otherInstance = newInstance();
        Assert.NotEqual(first, second);
        Assert.Equal(second, await otherInstance.GetAsync(CancellationToken.None));
        Assert.Equal(2, account.Api.StableTokenCalls);
    }

    [Fact]
    public async Task ARefreshWhoseCallerStopsWaitingStillStoresItsTokenForTheNextCaller()
    {
        await using var account = VerifiedAccount.Start();
        using var http = new HttpClient();
        var (store, newInstance) = Instances(account, http);
        using var tokens = newInstance();
        var first = await tokens.GetAsync(CancellationToken.None);
        account.Api.Rules.RevokeToken();
        await tokens.ForgetAsync(first, CancellationToken.None);

        // As the typing indicator's call is cancelled when the answer is ready, while it refreshes the token.
        account.Api.StableTokenDelay = TimeSpan.FromSeconds(2);
        using var finished = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tokens.GetAsync(finished.Token));
        var next = await tokens.GetAsync(CancellationToken.None); // the answer's send

        Assert.NotEqual(first, next);
        Assert.Equal(2, account.Api.StableTokenCalls);
        Assert.Equal(next, (await store.ReadAsync(CancellationToken.None)).Token);
    }

    /// <summary>The account's token store on Azurite, and a way to start an instance's <see cref="AccessTokens"/> over it.</summary>
    private (TableWeChatApiStore Store, Func<AccessTokens> NewInstance) Instances(VerifiedAccount account, HttpClient http)
    {
        var options = Options.Create(new CustomerServiceOptions { AppId = account.AppId, AppSecret = VerifiedAccount.AppSecret, ApiBase = account.Api.BaseAddress.ToString() });
        var store = new TableWeChatApiStore(new TableClientProvider(new TableServiceClient(fixture.Storage.ConnectionString)), options);
        return (store, () => new AccessTokens(store, new StableTokenSource(http, options), TimeProvider.System, NullLogger<AccessTokens>.Instance));
    }
}
