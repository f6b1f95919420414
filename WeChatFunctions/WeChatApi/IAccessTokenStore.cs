namespace WeChatFunctions.WeChatApi;

/// <summary>The account's one access token, shared by every instance, so that none fetches a token that voids another's.</summary>
internal interface IAccessTokenStore
{
    /// <returns>The stored token, or <see cref="StoredAccessToken.None"/>.</returns>
    Task<StoredAccessToken> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="next"/> if the stored row is still at <paramref name="current"/>'s version.</summary>
    /// <returns><paramref name="next"/> at its new version, or <see langword="null"/> when another instance wrote first.</returns>
    Task<StoredAccessToken?> TryReplaceAsync(StoredAccessToken current, StoredAccessToken next, CancellationToken cancellationToken);
}
