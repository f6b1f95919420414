namespace WeChatFunctions.WeChatApi;

/// <summary>
/// The account's access token. Every instance reads the one in Table Storage; when it is due, one instance takes the
/// right to refresh it and fetches it from <c>stable_token</c> (<c>force_refresh=false</c>), the others keep using the
/// old one or wait. A token WeChat rejects is marked due once, so the next call fetches it again.
/// </summary>
internal sealed class AccessTokens(IAccessTokenStore store, StableTokenSource source, TimeProvider timeProvider, ILogger<AccessTokens> logger) : IDisposable
{
    /// <summary>Long enough for one stable_token call with the client's retries.</summary>
    private static readonly TimeSpan RefreshLease = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _oneCallerPerInstance = new(1, 1);
    private StoredAccessToken _known = StoredAccessToken.None;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _known);
        if (known.IsFreshAt(timeProvider.GetUtcNow()))
        {
            return known.Token!;
        }

        await _oneCallerPerInstance.WaitAsync(cancellationToken);
        try
        {
            return await ReadOrRefreshAsync(cancellationToken);
        }
        finally
        {
            _oneCallerPerInstance.Release();
        }
    }

    /// <summary>
    /// Marks <paramref name="rejected"/> as due, unless it has been replaced already or a refresh is under way: two
    /// calls rejected at once must not void the refresh the first one started.
    /// </summary>
    public async Task ForgetAsync(string rejected, CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _known);
        if (known.Token is not null && known.Token != rejected)
        {
            return;
        }

        Interlocked.CompareExchange(ref _known, StoredAccessToken.None, known);
        var stored = await store.ReadAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (stored.Token == rejected && stored.RefreshingUntil <= now)
        {
            await store.TryReplaceAsync(stored, stored with { RefreshAfter = now, ExpiresAt = now }, cancellationToken);
        }
    }

    private async Task<string> ReadOrRefreshAsync(CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + RefreshLease + RefreshLease;
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var stored = await store.ReadAsync(cancellationToken);
            if (stored.IsFreshAt(now))
            {
                Volatile.Write(ref _known, stored);
                return stored.Token!;
            }

            if (stored.RefreshingUntil > now)
            {
                if (stored.IsUsableAt(now))
                {
                    return stored.Token!;
                }
            }
            else if (await store.TryReplaceAsync(stored, stored with { RefreshingUntil = now + RefreshLease }, CancellationToken.None) is { } leased)
            {
                // A caller that stops waiting does not stop the refresh: the typing indicator's call is cancelled when
                // the answer is ready, just as the answer needs the token it was fetching. Nor the lease's write: one
                // that landed while its caller gave up would hold every instance off refreshing until it ran out.
                return await RefreshAsync(leased).WaitAsync(cancellationToken);
            }

            if (now > deadline)
            {
                throw new WeChatApiException("stable_token", -1, "another instance holds the refresh but stored no token");
            }

            await Task.Delay(WaitStep, timeProvider, cancellationToken);
        }
    }

    /// <summary>Fetches and stores the token under the lease; bounded by the client's timeout, not by any caller.</summary>
    private async Task<string> RefreshAsync(StoredAccessToken leased)
    {
        var (token, expiresIn) = await FetchAsync(leased);
        WeChatApiLog.TokenFetched(logger, expiresIn);
        var fetched = StoredAccessToken.Fetched(token, expiresIn, timeProvider.GetUtcNow(), "");
        // Lost only if the lease ran out and another instance refreshed too; its token is as good as this one.
        await store.TryReplaceAsync(leased, fetched, CancellationToken.None);
        Volatile.Write(ref _known, fetched);
        return token;
    }

    /// <summary>A failed fetch gives the right to refresh back at once, so that the next caller tries rather than waits.</summary>
    private async Task<(string Token, int ExpiresInSeconds)> FetchAsync(StoredAccessToken leased)
    {
        try
        {
            return await source.FetchAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            await store.TryReplaceAsync(leased, leased with { RefreshingUntil = DateTimeOffset.UnixEpoch }, CancellationToken.None);
            throw;
        }
    }

    public void Dispose() => _oneCallerPerInstance.Dispose();
}
