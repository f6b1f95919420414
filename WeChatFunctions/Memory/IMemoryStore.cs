namespace WeChatFunctions.Memory;

/// <summary>
/// Each follower's remembered facts, oldest first, in the follower's own partition beside their preferences, so that
/// the read of the preferences before every answer brings them at no extra call.
/// </summary>
internal interface IMemoryStore
{
    /// <summary>The facts as stored now, read afresh.</summary>
    Task<IReadOnlyList<RememberedFact>> ReadAsync(string followerId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the facts in one write that lands only if no one else changed them since they were read; after a
    /// conflict they are read again and <paramref name="change"/> is called again.
    /// </summary>
    /// <param name="change">The facts as they should be, or <see langword="null"/> to leave them as they are.</param>
    /// <returns>The facts as stored: without the oldest of those asked for only when together they would not fit in one row.</returns>
    Task<IReadOnlyList<RememberedFact>> ChangeAsync(
        string followerId, Func<IReadOnlyList<RememberedFact>, IReadOnlyList<RememberedFact>?> change, CancellationToken cancellationToken);

    /// <summary>Deletes all the facts.</summary>
    /// <returns>How many there were.</returns>
    Task<int> ClearAsync(string followerId, CancellationToken cancellationToken);
}
