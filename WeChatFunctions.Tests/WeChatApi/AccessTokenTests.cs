using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.WeChatApi;

/// <summary>The access token: fetched from stable_token, kept in Table Storage, refreshed before it expires and once when WeChat rejects it.</summary>
public sealed class AccessTokenTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    private readonly string _follower = WeChatClient.NewFollowerId();

    [Fact]
    public async Task ATokenWeChatRejectsIsFetchedAgainOnceAndTheMessageStillSentOnce()
    {
        await using var account = VerifiedAccount.Start();
        var weChat = fixture.StartApplication(settings => account.Configure(settings, "customer_service")).CreateWeChatClient();
        await weChat.PushAsync(SignedPush.Text("第一问").From(_follower));
        await account.DeliveredToAsync(_follower, 1);

        account.Api.Rules.RevokeToken(); // as another party's force_refresh does
        await weChat.PushAsync(SignedPush.Text("第二问").From(_follower));
        var delivered = await account.DeliveredToAsync(_follower, 2);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(["回答：第一问", "回答：第二问"], delivered);
        Assert.Equal(2, account.Api.StableTokenCalls);
        Assert.Equal(2, account.Api.Pushes.Count);
    }

    [Fact]
    public async Task ATokenIsRefreshedHalfwayThroughAShortLifeSoNoCallUsesAnExpiredOne()
    {
        // A 10-second token is due after 5 s; stable_token hands out the same one until it expires.
        await using var account = VerifiedAccount.Start(tokenLifetime: TimeSpan.FromSeconds(10));
        var weChat = fixture.StartApplication(settings => account.Configure(settings, "customer_service")).CreateWeChatClient();
        var callsBefore = new List<(int Calls, int Issued)>();

        for (var question = 1; question <= 4; question++)
        {
            callsBefore.Add((account.Api.StableTokenCalls, account.Api.Rules.TokensIssued));
            await weChat.PushAsync(SignedPush.Text($"定时提问{question}").From(_follower));
            await account.DeliveredToAsync(_follower, question);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        Assert.Equal(4, account.Api.DeliveredTo(_follower).Count);
        Assert.Equal([(0, 0), (1, 1), (1, 1), (2, 1)], callsBefore); // fetched, kept, then refreshed early at ~6 s
        // Due again at ~9 s with little of its life left: refreshed once or twice more, by how the last question falls.
        Assert.InRange(account.Api.StableTokenCalls, 3, 5);
        Assert.Equal(0, account.Api.TokenRejections);
    }
}
