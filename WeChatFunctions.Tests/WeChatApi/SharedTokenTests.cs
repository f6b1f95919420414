using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.WeChatApi;

/// <summary>Two app processes, one account: they share one access token, fetched once, and keep secrets out of their logs.</summary>
public sealed class SharedTokenTests(VerifiedInstancesFixture fixture) : IClassFixture<VerifiedInstancesFixture>
{
    [Fact]
    public async Task TwoProcessesAnsweringAtOnceShareOneTokenFetchedOnceAndLogNoSecret()
    {
        var instances = await Task.WhenAll(
            fixture.StartInstanceAsync(changeSettings: TraceLogging),
            fixture.StartInstanceAsync(changeSettings: TraceLogging));
        var followers = new[] { WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId() };

        var replies = await Task.WhenAll(instances.Select((instance, index) => instance.WeChat.PushAsync(SignedPush.Text($"同时提问{index}").From(followers[index]))));
        var first = await fixture.Account.DeliveredToAsync(followers[0], 1);
        var second = await fixture.Account.DeliveredToAsync(followers[1], 1);

        Assert.All(replies, reply => Assert.True(reply.IsSuccessWithoutReply, reply.Body));
        Assert.Equal(["回答：同时提问0"], first);
        Assert.Equal(["回答：同时提问1"], second);
        Assert.Equal(1, fixture.Account.Api.StableTokenCalls);
        Assert.Equal(0, fixture.Account.Api.TokenRejections);
        var logs = string.Concat(instances.Select(instance => instance.Output));
        Assert.Contains("stable_token", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(VerifiedAccount.AppSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-token-", logs, StringComparison.Ordinal);
    }

    private static void TraceLogging(Dictionary<string, string?> settings) => settings["Logging__LogLevel__Default"] = "Trace";
}
