using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>What a claim read back from Azurite tells about its owner's silence: the service's times, and the owner's lateness.</summary>
public sealed class ReplyClaimStoreTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AClaimReadBackCarriesWhenItsSaveLandedWhenItWasReadAndHowLateItsWriterRan()
    {
        var services = Fixture.StartApplication().Services;
        var store = services.GetRequiredService<IReplyClaimStore>();
        services.GetRequiredService<InstanceLag>().Observe(TimeSpan.FromSeconds(3));
        var key = new MessageKey(Follower, "m1");

        await store.TryAddAsync(ReplyClaim.New(key, "问题", DateTimeOffset.UtcNow), CancellationToken.None);
        var added = await store.FindAsync(key, CancellationToken.None);
        await store.TryReplaceAsync(added! with { Answer = new AnswerSnapshot("一半", AnswerStatus.Generating) }, CancellationToken.None);
        var saved = await store.FindAsync(key, CancellationToken.None);

        Assert.True(added!.OwnerLag >= TimeSpan.FromSeconds(3), $"lag {added.OwnerLag}");
        Assert.True(saved!.SavedAt > added.SavedAt, $"{saved.SavedAt:O} after {added.SavedAt:O}");
        // The service read the row after writing it, within the second its Date header names, or later.
        Assert.True(saved.ReadAt >= WholeSecond(saved.SavedAt!.Value), $"read {saved.ReadAt:O}, saved {saved.SavedAt:O}");
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
}
