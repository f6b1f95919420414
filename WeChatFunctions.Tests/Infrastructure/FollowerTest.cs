namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// A test that talks to the class's shared app as a brand-new follower, with the fake model reset to its default
/// behaviour. xunit builds a new instance per test, so every test gets its own OpenID.
/// </summary>
public abstract class FollowerTest : IClassFixture<WeChatFixture>
{
    protected FollowerTest(WeChatFixture fixture)
    {
        Fixture = fixture;
        Fixture.Model.Reset();
    }

    protected WeChatFixture Fixture { get; }

    protected string Follower { get; } = WeChatClient.NewFollowerId();
}
