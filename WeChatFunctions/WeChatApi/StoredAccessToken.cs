namespace WeChatFunctions.WeChatApi;

/// <summary>The account's access token as every instance shares it.</summary>
/// <param name="Token">The token, or <see langword="null"/> before the first fetch.</param>
/// <param name="ExpiresAt">When WeChat stops accepting it.</param>
/// <param name="RefreshAfter">When one instance should fetch it again, some time before it expires.</param>
/// <param name="RefreshingUntil">An instance holds the right to fetch it until then; the others use the old token or wait.</param>
/// <param name="Version">The storage version (ETag) this copy was read or written at; empty for a row not stored yet.</param>
internal sealed record StoredAccessToken(string? Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAfter, DateTimeOffset RefreshingUntil, string Version)
{
    public static readonly StoredAccessToken None = new(null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "");

    public bool IsFreshAt(DateTimeOffset now) => Token is not null && now < RefreshAfter;

    public bool IsUsableAt(DateTimeOffset now) => Token is not null && now < ExpiresAt;

    /// <summary>
    /// A token fetched at <paramref name="now"/>. It is refreshed 5 minutes before it expires, or halfway for a short
    /// one: stable_token hands out the same token while it is valid, with the time it has left.
    /// </summary>
    public static StoredAccessToken Fetched(string token, int expiresInSeconds, DateTimeOffset now, string version)
    {
        var lifetime = TimeSpan.FromSeconds(expiresInSeconds);
        var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
        return new StoredAccessToken(token, now + lifetime, now + lifetime - margin, DateTimeOffset.UnixEpoch, version);
    }

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
}
