namespace WeChatFunctions.Dashboard;

/// <summary>The dashboard's one-time codes and sessions, by the SHA-256 of each, so that whoever reads the table cannot use them.</summary>
internal interface IDashboardAccessStore
{
    Task SaveCodeAsync(string codeHash, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Uses the code up, if it is there, unused and not expired at <paramref name="now"/>; only one caller ever gets <see cref="CodeState.Valid"/>.</summary>
    Task<CodeState> TakeCodeAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task SaveSessionAsync(string sessionHash, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <returns>When the session ends, or <see langword="null"/> when there is no such session.</returns>
    Task<DateTimeOffset?> FindSessionAsync(string sessionHash, CancellationToken cancellationToken);
}

internal enum CodeState
{
    Unknown,
    Used,
    Expired,
    Valid,
}
