using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Functions;
using WeChatFunctions.Pushing;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pushing;

/// <summary>
/// The timer function resumes what a dead instance left when no instance is left to sweep. Its own storage, so that no
/// other test's instance sweeps first.
/// </summary>
public sealed class PushTimerTests(VerifiedInstancesFixture fixture) : IClassFixture<VerifiedInstancesFixture>
{
    private readonly string _follower = WeChatClient.NewFollowerId();

    [Fact]
    public async Task WithNoInstanceLeftToSweepTheTimerFunctionTakesOverAGenerationAndPushesItsAnswer()
    {
        fixture.Model.Reset(PushCrashTests.ParagraphsThatContinue);
        var victim = await fixture.StartInstanceAsync();

        await victim.WeChat.PushAsync(SignedPush.Text("等计时器").From(_follower));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await victim.KillAsync();
        // An instance whose own sweep would not come for an hour: only the timer function runs here.
        var settings = WeChatApplication.DefaultSettings(fixture.Storage, fixture.Model);
        fixture.Account.Configure(settings, "customer_service");
        using var timerHost = new WeChatApplication(settings, services => services.AddSingleton(new PushSweepInterval(TimeSpan.FromHours(1))));
        await Task.Delay(TimeSpan.FromSeconds(6)); // the dead owner's claim times out
        var beforeTimer = fixture.Account.Api.DeliveredTo(_follower).Count;
        await ActivatorUtilities.CreateInstance<CleanupFunction>(timerHost.Services).RunAsync(new TimerInfo(), CancellationToken.None);
        var delivered = await fixture.Account.DeliveredToAsync(_follower, 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, beforeTimer);
        Assert.Equal(Flat(PushCrashTests.LongAnswer), Flat(string.Concat(fixture.Account.Api.DeliveredTo(_follower))));
        Assert.InRange(delivered.Count, 1, 3);
    }

    private static string Flat(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
