using WeChatFunctions.Storage;

namespace WeChatFunctions.Tests.Storage;

/// <summary>Tables and the blob container are created once; a failed creation is tried again, not kept.</summary>
public sealed class CreatedOnFirstUseTests
{
    [Fact]
    public async Task AFailedCreationIsTriedAgainByTheNextCaller()
    {
        var attempts = 0;
        var resource = new CreatedOnFirstUse<string>(async () =>
        {
            await Task.Yield();
            return ++attempts == 1 ? throw new InvalidOperationException("storage was busy") : "container";
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => resource.GetAsync(CancellationToken.None));
        var second = await resource.GetAsync(CancellationToken.None);
        var third = await resource.GetAsync(CancellationToken.None);

        Assert.Equal(("container", "container", 2), (second, third, attempts));
    }

    [Fact]
    public async Task CallersAtOnceShareOneCreation()
    {
        var attempts = 0;
        var release = new TaskCompletionSource();
        var resource = new CreatedOnFirstUse<int>(async () =>
        {
            Interlocked.Increment(ref attempts);
            await release.Task;
            return 42;
        });

        var callers = Enumerable.Range(0, 10).Select(_ => resource.GetAsync(CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal(42, value));
        Assert.Equal(1, attempts);
    }
}
