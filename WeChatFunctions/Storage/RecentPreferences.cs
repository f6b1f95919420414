using Microsoft.Extensions.Caching.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// Followers' preferences, remembered facts and shared link as this instance last read them, kept for <see cref="MaxAge"/>: a
/// follower asking several questions in a row costs one read. A change made on this instance is seen here at once;
/// one made on another instance, within <see cref="MaxAge"/>. At most <see cref="MaxFollowers"/> followers are held.
/// </summary>
internal sealed class RecentPreferences : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public const int MaxFollowers = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxFollowers });

    public bool TryGet(string followerId, out FollowerPartition partition) => _cache.TryGetValue(followerId, out partition!);

    public void Remember(string followerId, FollowerPartition partition) =>
        _cache.Set(followerId, partition, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });

    /// <summary>Applies a change this instance wrote to what it holds of the follower, if anything.</summary>
    public void Change(string followerId, Func<FollowerPartition, FollowerPartition> change)
    {
        if (TryGet(followerId, out var known))
        {
            Remember(followerId, change(known));
        }
    }

    public void Forget(string followerId) => _cache.Remove(followerId);

    public void Dispose() => _cache.Dispose();
}
