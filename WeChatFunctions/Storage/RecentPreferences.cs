using Microsoft.Extensions.Caching.Memory;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>
/// Followers' preferences as this instance last read or wrote them, kept for <see cref="MaxAge"/>: a follower asking
/// several questions in a row costs one read. A change made on this instance is seen here at once; one made on another
/// instance, within <see cref="MaxAge"/>. At most <see cref="MaxFollowers"/> followers are held.
/// </summary>
internal sealed class RecentPreferences : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public const int MaxFollowers = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxFollowers });

    public bool TryGet(string followerId, out FollowerPreferences preferences) => _cache.TryGetValue(followerId, out preferences!);

    public void Remember(string followerId, FollowerPreferences preferences) =>
        _cache.Set(followerId, preferences, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });

    public void Forget(string followerId) => _cache.Remove(followerId);

    public void Dispose() => _cache.Dispose();
}
